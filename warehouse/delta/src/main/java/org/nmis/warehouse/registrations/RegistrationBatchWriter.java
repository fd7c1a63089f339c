package org.nmis.warehouse.registrations;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.struct;

import io.delta.tables.DeltaTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes one micro-batch of registration messages into the warehouse, exactly once:
 *
 * <ol>
 *   <li>every message is appended to {@code registrations_raw}, the failures to {@code
 *       registration_rejects}, both as idempotent Delta appends keyed by (writer ID, batch ID), so
 *       a replayed batch is skipped;
 *   <li>the valid messages, reduced to the latest per source record, are compared with the source
 *       keys and content hashes already in {@code registrations} (a narrow column scan): records
 *       new to the table are appended (idempotent like the other appends), identical re-sends are
 *       dropped, and only the changed ones are MERGEd. A row changes only for a newer log position
 *       with different content, so a replay, a re-send or an out-of-date duplicate changes nothing,
 *       and a correction bumps {@code version} and {@code updated_at}. The MERGE, whose cost grows
 *       with the table, sees only the corrections.
 * </ol>
 *
 * A new person's ID comes from the log position of its first valid message (see PersonIdScheme), so
 * a replayed batch gives every person the same ID again.
 */
public final class RegistrationBatchWriter {
  private final SparkSession spark;
  private final WarehouseLocation location;
  private final IngestSettings settings;

  public RegistrationBatchWriter(
      SparkSession spark, WarehouseLocation location, IngestSettings settings) {
    this.spark = spark;
    this.location = location;
    this.settings = settings;
  }

  /** Statistics of one written batch. */
  public record BatchResult(long messages, long valid, long rejected) {}

  public BatchResult write(Dataset<Row> kafkaRecords, long batchId) {
    ParsedMessages.Counts counts = ParsedMessages.Counts.register(spark);
    Dataset<Row> parsed =
        ParsedMessages.parse(kafkaRecords, settings, Instant.now(), counts)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The raw append parses every message once into the cache and counts them on the way.
      append(raw(parsed), RegistrationsRawTable.DEFINITION, batchId);
      if (counts.messages().value() == 0) {
        // Nothing was parsed: an empty batch, or a replayed one whose raw append Delta skipped as
        // committed.
        parsed.count();
      }
      long messages = counts.messages().value();
      long rejected = counts.rejected().value();
      if (messages == 0) {
        return new BatchResult(0, 0, 0);
      }
      if (rejected > 0) {
        append(rejects(parsed), RegistrationRejectsTable.DEFINITION, batchId);
      }
      if (rejected < messages) {
        writeValid(latestPerSourceRecord(parsed), batchId);
      }
      return new BatchResult(messages, messages - rejected, rejected);
    } finally {
      parsed.unpersist();
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
   * The newest valid message of each source record in the batch (a MERGE source must not hold a key
   * twice), with the person ID of the oldest one: that is the ID the record gets if it is new.
   */
  static Dataset<Row> latestPerSourceRecord(Dataset<Row> parsed) {
    List<Column> fields = new ArrayList<>();
    for (String c :
        List.of(
            "kafka_partition",
            "kafka_offset",
            "submitted_by",
            "received_at",
            RegistrationsTable.CONTENT_HASH)) {
      fields.add(col(c));
    }
    for (String c : RegistrationsTable.DATA_COLUMNS) {
      fields.add(col(c));
    }
    return parsed
        .filter(col("outcome").equalTo(ParsedMessages.VALID))
        .groupBy(
            col(RegistrationsTable.SOURCE_STATE_CODE), col(RegistrationsTable.SOURCE_RECORD_ID))
        .agg(
            max_by(struct(fields.toArray(Column[]::new)), col("kafka_offset")).as("latest"),
            min_by(col(RegistrationsTable.PERSON_ID), col("kafka_offset")).as("first_person_id"))
        .select(
            col(RegistrationsTable.SOURCE_STATE_CODE),
            col(RegistrationsTable.SOURCE_RECORD_ID),
            col("latest.*"),
            col("first_person_id"));
  }

  private void writeValid(Dataset<Row> latest, long batchId) {
    Dataset<Row> known =
        spark
            .read()
            .format("delta")
            .load(location.pathOf(RegistrationsTable.DEFINITION))
            .select(
                col(RegistrationsTable.SOURCE_STATE_CODE),
                col(RegistrationsTable.SOURCE_RECORD_ID),
                col(RegistrationsTable.CONTENT_HASH).as("known_hash"));
    Dataset<Row> compared =
        latest
            .join(
                known,
                CollectionConverters.asScala(
                        List.of(
                            RegistrationsTable.SOURCE_STATE_CODE,
                            RegistrationsTable.SOURCE_RECORD_ID))
                    .toSeq(),
                "left_outer")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Map<String, String> update = changedColumns();
      Map<String, String> insert = new LinkedHashMap<>(update);
      insert.put(RegistrationsTable.PERSON_ID, "s.first_person_id");
      insert.put(RegistrationsTable.SOURCE_STATE_CODE, "s.source_state_code");
      insert.put(RegistrationsTable.SOURCE_RECORD_ID, "s.source_record_id");
      insert.put(RegistrationsTable.VERSION, "1");
      insert.put(RegistrationsTable.CREATED_BY, "s.submitted_by");
      insert.put(RegistrationsTable.CREATED_AT, "s.received_at");

      Column isFresh = col("known_hash").isNull();
      Column isChanged =
          col("known_hash")
              .isNotNull()
              .and(col("known_hash").notEqual(col(RegistrationsTable.CONTENT_HASH)));
      // One job fills the cache and tells which of the two writes this batch needs.
      Row sizes = compared.agg(count_if(isFresh), count_if(isChanged)).first();

      if (sizes.getLong(0) > 0) {
        Dataset<Row> fresh =
            compared
                .filter(isFresh)
                .as("s")
                .select(
                    Arrays.stream(RegistrationsTable.SCHEMA.fieldNames())
                        .map(c -> expr(insert.get(c)).as(c))
                        .toArray(Column[]::new));
        append(fresh, RegistrationsTable.DEFINITION, batchId);
      }
      if (sizes.getLong(1) > 0) {
        DeltaTable.forPath(spark, location.pathOf(RegistrationsTable.DEFINITION))
            .as("t")
            .merge(
                compared.filter(isChanged).drop("known_hash").as("s"),
                "t.source_state_code = s.source_state_code AND t.source_record_id = s.source_record_id")
            .whenMatched(
                "s.content_hash <> t.content_hash"
                    + " AND (s.kafka_partition <> t.kafka_partition OR s.kafka_offset > t.kafka_offset)")
            .updateExpr(update)
            .execute();
      }
    } finally {
      compared.unpersist();
    }
  }

  /**
   * What a new version of a record sets, as expressions over the batch row {@code s} and the table
   * row {@code t}.
   */
  private static Map<String, String> changedColumns() {
    Map<String, String> update = new LinkedHashMap<>();
    for (String c : RegistrationsTable.DATA_COLUMNS) {
      update.put(c, "s." + c);
    }
    update.put(RegistrationsTable.CONTENT_HASH, "s.content_hash");
    update.put(RegistrationsTable.KAFKA_PARTITION, "s.kafka_partition");
    update.put(RegistrationsTable.KAFKA_OFFSET, "s.kafka_offset");
    update.put(RegistrationsTable.VERSION, "t.version + 1");
    update.put(RegistrationsTable.UPDATED_BY, "s.submitted_by");
    update.put(RegistrationsTable.UPDATED_AT, "s.received_at");
    return update;
  }

  private void append(Dataset<Row> rows, TableDefinition table, long batchId) {
    rows.write()
        .format("delta")
        .mode("append")
        .option("txnAppId", settings.writerId())
        .option("txnVersion", batchId)
        .save(location.pathOf(table));
  }

  private static Column[] columnsOf(TableDefinition table) {
    return Arrays.stream(table.schema().fieldNames()).map(c -> col(c)).toArray(Column[]::new);
  }
}
