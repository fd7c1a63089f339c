package org.nmis.warehouse.registrations;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ingest.BatchTriage;
import org.nmis.model.ingest.SourceKeyIndex;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.RegistrationCorrectionsTable;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Writes one micro-batch of registration messages into the warehouse, exactly once, at a cost that
 * follows the batch rather than the table:
 *
 * <ol>
 *   <li>every message is appended to {@code registrations_raw}, the failures to {@code
 *       registration_rejects}, both as idempotent Delta appends keyed by (writer ID, batch ID), so
 *       a replayed batch is skipped;
 *   <li>the valid messages' key and content hashes and log positions (four narrow columns) go to
 *       the driver, where {@link BatchTriage} sorts them against a {@link SourceKeyIndex} of what
 *       {@code registrations} holds: records new to the table are appended (idempotent like the
 *       other appends), identical re-sends are dropped, and only real corrections are MERGEd. A row
 *       changes only for a newer log position with different content, so a replay, a re-send or an
 *       out-of-date duplicate changes nothing, and a correction bumps {@code version} and {@code
 *       updated_at}.
 * </ol>
 *
 * The index is built from the table when the writer starts and updated after each commit; it only
 * routes rows (see SourceKeyIndex for why a stale or colliding entry cannot lose or double a
 * record). A new person's ID comes from the log position of its first valid message
 * (PersonIdScheme#resolve), so a replayed batch gives every person the same ID again. One writer
 * per table: the index assumes nobody else adds registrations.
 */
public final class RegistrationBatchWriter {
  /** The tables this writer writes. */
  public static final List<TableDefinition> TABLES =
      List.of(
          RegistrationsRawTable.DEFINITION,
          RegistrationsTable.DEFINITION,
          RegistrationRejectsTable.DEFINITION,
          RegistrationCorrectionsTable.DEFINITION);

  private static final String MATERIALIZE_SOURCE = "spark.databricks.delta.merge.materializeSource";

  /** What each version of a record brings: its values, their digest and its log position. */
  private static final List<String> VERSION_COLUMNS =
      java.util.stream.Stream.concat(
              RegistrationsTable.DATA_COLUMNS.stream(),
              java.util.stream.Stream.of(
                  RegistrationsTable.CONTENT_HASH,
                  RegistrationsTable.KAFKA_PARTITION,
                  RegistrationsTable.KAFKA_OFFSET))
          .toList();

  private final SparkSession spark;
  private final WarehouseLocation location;
  private final IngestSettings settings;
  private final PersonIdScheme ids;

  /**
   * The session the writer MERGEs in: its own, so that its settings touch no other query (Delta
   * need not copy a MERGE source the writer builds from local rows).
   */
  private final SparkSession merges;

  private SourceKeyIndex index;
  private int waitingBatches;
  private long waitingSince;

  public RegistrationBatchWriter(
      SparkSession spark, WarehouseLocation location, IngestSettings settings) {
    this.spark = spark;
    this.location = location;
    this.settings = settings;
    this.ids = new PersonIdScheme(settings.personIdKey(), settings.personIdEpoch());
    this.merges = spark.newSession();
    merges.conf().set(MATERIALIZE_SOURCE, "none");
  }

  /**
   * Statistics of one written batch: messages, how the valid ones were sorted (new records,
   * identical re-sends, corrections), and the wall time of each step in milliseconds, in order.
   */
  public record BatchResult(
      long messages,
      long valid,
      long rejected,
      long fresh,
      long resent,
      long corrected,
      Map<String, Long> rejectsByCode,
      Map<String, Long> stepMillis) {
    public BatchResult {
      rejectsByCode = Map.copyOf(rejectsByCode);
      stepMillis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepMillis));
    }

    static BatchResult empty() {
      return new BatchResult(0, 0, 0, 0, 0, 0, Map.of(), Map.of());
    }

    /** "raw 5.8 s, rejects 0.4 s, ..." for the progress log. */
    public String steps() {
      StringBuilder sb = new StringBuilder();
      stepMillis.forEach(
          (step, ms) ->
              sb.append(sb.length() == 0 ? "" : ", ")
                  .append(step)
                  .append(' ')
                  .append(String.format(java.util.Locale.ROOT, "%.1f s", ms / 1e3)));
      return sb.toString();
    }
  }

  public synchronized BatchResult write(Dataset<Row> kafkaRecords, long batchId) {
    Steps steps = new Steps(kafkaRecords.sparkSession());
    ParsedMessages.Counts counts = ParsedMessages.Counts.register(spark);
    Dataset<Row> parsed =
        ParsedMessages.parse(kafkaRecords, settings, Instant.now(), counts)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The raw append parses every message once into the cache and counts them on the way.
      steps.run("parse+raw", () -> append(raw(parsed), RegistrationsRawTable.DEFINITION, batchId));
      if (counts.messages().value() == 0) {
        // Nothing was parsed: an empty batch, or a replayed one whose raw append Delta skipped as
        // committed.
        parsed.count();
      }
      long messages = counts.messages().value();
      long rejected = counts.rejected().value();
      if (messages == 0) {
        return BatchResult.empty();
      }
      if (rejected > 0) {
        steps.run(
            "rejects", () -> append(rejects(parsed), RegistrationRejectsTable.DEFINITION, batchId));
      }
      long[] sorted = new long[3];
      if (rejected < messages) {
        sorted = writeValid(parsed, batchId, messages, steps);
      }
      return new BatchResult(
          messages,
          messages - rejected,
          rejected,
          sorted[0],
          sorted[1],
          sorted[2],
          counts.rejectsByCode(),
          steps.millis);
    } finally {
      parsed.unpersist();
      steps.close();
    }
  }

  /**
   * Times the steps of a batch and names their Spark jobs (the UI and job listeners show which step
   * a job belongs to).
   */
  private static final class Steps implements AutoCloseable {
    private final SparkSession session;
    private final String description;
    final Map<String, Long> millis = new LinkedHashMap<>();

    Steps(SparkSession session) {
      this.session = session;
      this.description = session.sparkContext().getLocalProperty("spark.job.description");
    }

    void run(String step, Runnable work) {
      long t0 = System.nanoTime();
      session.sparkContext().setJobDescription("nmis ingest: " + step);
      work.run();
      millis.merge(step, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }

    @Override
    public void close() {
      session.sparkContext().setJobDescription(description);
    }
  }

  static Dataset<Row> raw(Dataset<Row> parsed) {
    return parsed.select(columnsOf(RegistrationsRawTable.DEFINITION));
  }

  static Dataset<Row> rejects(Dataset<Row> parsed) {
    return parsed
        .filter(col("outcome").equalTo(ParsedMessages.REJECTED))
        .select(columnsOf(RegistrationRejectsTable.DEFINITION));
  }

  /**
   * The valid messages, triaged on the driver against the key index: new records are appended,
   * re-sends dropped, corrections MERGEd. Each step updates the index only once it has committed.
   */
  private long[] writeValid(Dataset<Row> parsed, long batchId, long batchSize, Steps steps) {
    SourceKeyIndex index = index();
    // The batch's own session: in a streaming query, a clone that only this query uses.
    SparkSession session = parsed.sparkSession();
    Dataset<Row> valid = parsed.filter(col("outcome").equalTo(ParsedMessages.VALID));
    List<BatchTriage.Message> messages = new ArrayList<>();
    steps.run(
        "triage",
        () -> {
          for (Row r :
              valid
                  .select(keyHash(), contentHash(), col("kafka_partition"), col("kafka_offset"))
                  .collectAsList()) {
            messages.add(
                new BatchTriage.Message(r.getLong(0), r.getLong(1), r.getInt(2), r.getLong(3)));
          }
        });
    BatchTriage.Result triage = BatchTriage.triage(messages, index);
    Column[] asInserted = asRegistrationRow();

    List<BatchTriage.Decision> fresh = triage.of(BatchTriage.Kind.NEW);
    List<Broadcast<LogPositions>> shipped = new ArrayList<>();
    try {
      if (!fresh.isEmpty()) {
        Column leftOut = lookup(session, LogPositions.of(triage.notAppended()), shipped, true);
        List<BatchTriage.Decision> earlier =
            fresh.stream().filter(d -> d.first() != d.latest()).toList();
        Column firstId = lookup(session, firstIds(earlier), shipped, false);
        Dataset<Row> rows =
            valid
                .filter(not(leftOut))
                .withColumn("first_person_id", coalesce(firstId, col(RegistrationsTable.PERSON_ID)))
                .as("s")
                .select(asInserted);
        steps.run("new", () -> append(rows, RegistrationsTable.DEFINITION, batchId));
        fresh.forEach(d -> index.put(d.latest().key(), d.latest().content()));
      }
      List<BatchTriage.Decision> corrections = triage.of(BatchTriage.Kind.CORRECTION);
      if (!corrections.isEmpty()) {
        Column firstId = lookup(session, firstIds(corrections), shipped, false);
        Dataset<Row> waiting =
            valid
                .withColumn("first_person_id", firstId)
                .filter(col("first_person_id").isNotNull())
                .as("s")
                .select(asInserted)
                .withColumn(RegistrationCorrectionsTable.BATCH_ID, lit(batchId));
        steps.run(
            "corrections", () -> append(waiting, RegistrationCorrectionsTable.DEFINITION, batchId));
        corrections.forEach(d -> index.put(d.latest().key(), d.latest().content()));
        waitingBatches++;
        if (waitingSince == 0) {
          waitingSince = System.nanoTime();
        }
      }
    } finally {
      shipped.forEach(b -> b.unpersist(false));
    }
    IngestSettings.Corrections policy = settings.corrections();
    if (waitingBatches > 0
        && (batchSize < policy.deferAbove()
            || waitingBatches >= policy.everyBatches()
            || overdue())) {
      steps.run("merge", this::mergeCorrections);
    }
    return new long[] {
      fresh.size(),
      triage.of(BatchTriage.Kind.RESEND).size(),
      triage.of(BatchTriage.Kind.CORRECTION).size()
    };
  }

  private boolean overdue() {
    return waitingSince != 0
        && System.nanoTime() - waitingSince >= settings.corrections().maxDelayMillis() * 1_000_000;
  }

  /**
   * Forgets what the table held for an erased record: a message for it is no longer taken for a
   * re-send of what was erased (and dropped), but goes to the MERGE, which registers it again, as
   * after a restart (the index is rebuilt from the table then).
   */
  public synchronized void forgetRecord(int sourceStateCode, String sourceRecordId) {
    long key =
        spark
            .range(1)
            .select(xxhash64(lit(sourceStateCode).cast("int"), lit(sourceRecordId)))
            .first()
            .getLong(0);
    index().put(key, ERASED_CONTENT);
  }

  /** The content hash of an erased record in the key index: no message's content hashes to it. */
  private static final long ERASED_CONTENT = 0L;

  /**
   * MERGEs the corrections waiting in {@code registration_corrections} when they have waited longer
   * than the policy allows: for a job that went quiet after a burst (no batch comes to do it).
   */
  public synchronized void mergeCorrectionsIfDue() {
    if (waitingBatches > 0 && overdue()) {
      mergeCorrections();
    }
  }

  /**
   * MERGEs every waiting correction into {@code registrations} now (tests, benchmarks, and a
   * caught-up job).
   */
  public synchronized void mergeCorrectionsNow() {
    mergeCorrections();
  }

  /**
   * The newest waiting correction of each record goes into {@code registrations}; then the waiting
   * rows are deleted. Safe to repeat: a correction already in the table matches nothing (same
   * content), so a crash between the MERGE and the delete, or a restart, changes nothing twice.
   */
  private void mergeCorrections() {
    String waitingPath = location.pathOf(RegistrationCorrectionsTable.DEFINITION);
    List<Row> waiting = merges.read().format("delta").load(waitingPath).collectAsList();
    if (!waiting.isEmpty()) {
      Map<String, Row> newest = new HashMap<>();
      long lastBatch = Long.MIN_VALUE;
      for (Row r : waiting) {
        String key =
            r.getAs(RegistrationsTable.SOURCE_STATE_CODE)
                + ":"
                + r.getAs(RegistrationsTable.SOURCE_RECORD_ID);
        newest.merge(key, r, (a, b) -> laterInLog(b, a) ? b : a);
        lastBatch = Math.max(lastBatch, r.<Long>getAs(RegistrationCorrectionsTable.BATCH_ID));
      }
      // A local relation: Delta reads it as it is, without first copying it ("materialize
      // source"), which cost seconds per MERGE whatever the number of rows.
      Dataset<Row> source =
          merges
              .createDataFrame(
                  new ArrayList<>(newest.values()), RegistrationCorrectionsTable.SCHEMA)
              .drop(RegistrationCorrectionsTable.BATCH_ID);
      Map<String, String> update = new LinkedHashMap<>();
      for (String c : VERSION_COLUMNS) {
        update.put(c, "s." + c);
      }
      update.put(RegistrationsTable.UPDATED_BY, "s.updated_by");
      update.put(RegistrationsTable.UPDATED_AT, "s.updated_at");
      update.put(RegistrationsTable.VERSION, "t.version + 1");
      Map<String, String> insert = new LinkedHashMap<>();
      for (String c : RegistrationsTable.SCHEMA.fieldNames()) {
        insert.put(c, "s." + c);
      }
      long lastBatchMerged = lastBatch;
      Conflicts.retry(
          "NMIS-ING-013",
          "the corrections MERGE into registrations",
          () -> mergeInto(source, update, insert));
      Conflicts.retry(
          "NMIS-ING-013",
          "the delete of merged corrections",
          () ->
              DeltaTable.forPath(merges, waitingPath)
                  .delete(col(RegistrationCorrectionsTable.BATCH_ID).leq(lastBatchMerged)));
    }
    waitingBatches = 0;
    waitingSince = 0;
  }

  /**
   * The guarded MERGE: a second run changes nothing, so it may be repeated after a conflict or a
   * crash.
   */
  private void mergeInto(
      Dataset<Row> source, Map<String, String> update, Map<String, String> insert) {
    DeltaTable.forPath(merges, location.pathOf(RegistrationsTable.DEFINITION))
        .as("t")
        .merge(
            source.as("s"),
            "t.source_state_code = s.source_state_code AND t.source_record_id = s.source_record_id")
        .whenMatched(
            "s.content_hash <> t.content_hash"
                + " AND (s.kafka_partition <> t.kafka_partition OR s.kafka_offset > t.kafka_offset)")
        .updateExpr(update)
        // A key the index knows but the table lacks (two keys with one hash): a new record.
        .whenNotMatched()
        .insertExpr(insert)
        .execute();
  }

  private static boolean laterInLog(Row a, Row b) {
    long oa = a.getAs(RegistrationsTable.KAFKA_OFFSET);
    long ob = b.getAs(RegistrationsTable.KAFKA_OFFSET);
    int pa = a.getAs(RegistrationsTable.KAFKA_PARTITION);
    int pb = b.getAs(RegistrationsTable.KAFKA_PARTITION);
    return oa != ob ? oa > ob : pa > pb;
  }

  /**
   * The key index, built from {@code registrations} the first time a batch needs it, so that it
   * starts from what the table holds whatever happened before (a crash between a commit and the
   * index update included).
   */
  private SourceKeyIndex index() {
    if (index == null) {
      // Corrections a crash left waiting go in first, so that the index starts from the table.
      mergeCorrections();
      Dataset<Row> table =
          spark.read().format("delta").load(location.pathOf(RegistrationsTable.DEFINITION));
      SourceKeyIndex built = new SourceKeyIndex((int) Math.min(Integer.MAX_VALUE, table.count()));
      Iterator<Row> rows = table.select(keyHash(), contentHash()).toLocalIterator();
      while (rows.hasNext()) {
        Row r = rows.next();
        built.put(r.getLong(0), r.getLong(1));
      }
      index = built;
    }
    return index;
  }

  /** The 64-bit hash of a row's source key, the same over parsed messages and the table. */
  private static Column keyHash() {
    return xxhash64(
        col(RegistrationsTable.SOURCE_STATE_CODE).cast("int"),
        col(RegistrationsTable.SOURCE_RECORD_ID));
  }

  private static Column contentHash() {
    return xxhash64(col(RegistrationsTable.CONTENT_HASH));
  }

  /**
   * The person ID each record's oldest message in the batch gives, at the record's newest message.
   */
  private LogPositions firstIds(List<BatchTriage.Decision> decisions) {
    return LogPositions.ofLatest(
        decisions, d -> ids.forLogPosition(d.first().partition(), d.first().offset()).value());
  }

  /**
   * A column that looks each row's log position up in {@code positions}, shipped to the executors
   * as a broadcast variable: whether the row is in the set ({@code membership}), or its text (null
   * when not in it).
   */
  private static Column lookup(
      SparkSession session,
      LogPositions positions,
      List<Broadcast<LogPositions>> shipped,
      boolean membership) {
    if (positions.isEmpty()) {
      return membership ? lit(false) : lit(null).cast("string");
    }
    Broadcast<LogPositions> b =
        JavaSparkContext.fromSparkContext(session.sparkContext()).broadcast(positions);
    shipped.add(b);
    UserDefinedFunction f =
        membership
            ? udf(
                (UDF2<Integer, Long, Boolean>) (p, o) -> b.value().contains(p, o),
                DataTypes.BooleanType)
            : udf(
                (UDF2<Integer, Long, String>) (p, o) -> b.value().text(p, o), DataTypes.StringType);
    return f.apply(col("kafka_partition"), col("kafka_offset"));
  }

  /**
   * A valid message (as {@code s}, with the {@code first_person_id} its record gets) as the row of
   * {@code registrations} it becomes: version 1, created and updated by its submitter.
   */
  private static Column[] asRegistrationRow() {
    Map<String, String> row = new HashMap<>();
    for (String c : VERSION_COLUMNS) {
      row.put(c, "s." + c);
    }
    row.put(RegistrationsTable.SOURCE_STATE_CODE, "s.source_state_code");
    row.put(RegistrationsTable.SOURCE_RECORD_ID, "s.source_record_id");
    row.put(RegistrationsTable.PERSON_ID, "s.first_person_id");
    row.put(RegistrationsTable.VERSION, "1");
    row.put(RegistrationsTable.CREATED_BY, "s.submitted_by");
    row.put(RegistrationsTable.CREATED_AT, "s.received_at");
    row.put(RegistrationsTable.UPDATED_BY, "s.submitted_by");
    row.put(RegistrationsTable.UPDATED_AT, "s.received_at");
    return Arrays.stream(RegistrationsTable.SCHEMA.fieldNames())
        .map(c -> expr(row.get(c)).as(c))
        .toArray(Column[]::new);
  }

  private void append(Dataset<Row> rows, TableDefinition table, long batchId) {
    // Idempotent (txnAppId, txnVersion), so a conflict with another writer (an erasure, the
    // retention job) is simply tried again.
    Conflicts.retry(
        "NMIS-ING-013",
        "batch " + batchId + " on " + table.name(),
        () ->
            rows.write()
                .format("delta")
                .mode("append")
                .option("txnAppId", settings.writerId())
                .option("txnVersion", batchId)
                .save(location.pathOf(table)));
  }

  private static Column[] columnsOf(TableDefinition table) {
    return Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }
}
