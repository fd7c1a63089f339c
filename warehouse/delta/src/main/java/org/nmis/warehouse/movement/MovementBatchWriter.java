package org.nmis.warehouse.movement;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.EPassesTable;
import org.nmis.warehouse.tables.ManifestsTable;
import org.nmis.warehouse.tables.MovementRequestsTable;
import org.nmis.warehouse.tables.RequestEventsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.TrainsTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Lands one micro-batch of the movement log into the movement tables. A log message is one
 * transition of one request and carries everything that transition changed, keyed by the tables'
 * own column names: {@code request} (the request's new row), {@code event} (its request_events
 * row), and when the transition made them {@code train}, {@code manifest} (every traveller's row)
 * and {@code epasses}.
 *
 * <p>Every write is a MERGE guarded so that applying a message twice changes nothing (a request row
 * changes only for a higher version, an event is inserted only once, a manifest row only for a
 * newer manifest version), so a batch replayed after a crash is harmless.
 */
public final class MovementBatchWriter {
  /** The tables this writer writes. */
  public static final List<TableDefinition> TABLES =
      List.of(
          MovementRequestsTable.DEFINITION,
          RequestEventsTable.DEFINITION,
          TrainsTable.DEFINITION,
          ManifestsTable.DEFINITION,
          EPassesTable.DEFINITION);

  /** Timestamps in the log are ISO-8601 instants with milliseconds, in UTC. */
  public static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  public static final StructType MESSAGE =
      new StructType()
          .add("request", MovementRequestsTable.SCHEMA, true)
          .add("event", RequestEventsTable.SCHEMA, true)
          .add("train", TrainsTable.SCHEMA, true)
          .add("manifest", new ArrayType(ManifestsTable.SCHEMA, true), true)
          .add("epasses", new ArrayType(EPassesTable.SCHEMA, true), true);

  public static final String REVOKED = "REVOKED";

  private final SparkSession spark;
  private final WarehouseLocation location;

  public MovementBatchWriter(SparkSession spark, WarehouseLocation location) {
    this.spark = spark;
    this.location = location;
  }

  /** Messages of one batch by part, for statistics. */
  public record BatchResult(long messages, long requests, long manifestRows, long epasses) {}

  /**
   * Lands a batch of Kafka records (columns value and offset, as Spark's Kafka source gives them).
   */
  public BatchResult write(Dataset<Row> kafkaRecords) {
    Dataset<Row> messages = parse(kafkaRecords).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long count = messages.count();
      if (count == 0) {
        return new BatchResult(0, 0, 0, 0);
      }
      Dataset<Row> requests =
          latest(
              messages.filter(col("request").isNotNull()).select(col("offset"), col("request.*")),
              "request_id",
              "version");
      long requestCount = requests.count();
      if (requestCount > 0) {
        upsert(
            requests,
            MovementRequestsTable.DEFINITION,
            List.of("request_id"),
            "s.version > t.version");
        insertNew(
            messages
                .filter(col("event").isNotNull())
                .select(col("event.*"))
                .dropDuplicates("request_id", "seq"),
            RequestEventsTable.DEFINITION,
            List.of("request_id", "seq"));
      }
      Dataset<Row> trains =
          latest(
              messages.filter(col("train").isNotNull()).select(col("offset"), col("train.*")),
              "request_id",
              "offset");
      if (!trains.isEmpty()) {
        upsert(trains, TrainsTable.DEFINITION, List.of("request_id"), "s.booked_at <> t.booked_at");
      }
      long manifestRows = writeManifests(messages);
      // A revocation is final: it outranks any issue of the same pass, whatever the order they
      // arrive in.
      Dataset<Row> passes =
          latest(
              messages
                  .filter(col("epasses").isNotNull())
                  .select(col("offset"), explode(col("epasses")).as("p"))
                  .select(col("offset"), col("p.*"))
                  .withColumn(
                      "offset",
                      when(col("status").equalTo(REVOKED), col("offset").plus(1L << 62))
                          .otherwise(col("offset"))),
              "pass_id",
              "offset");
      long passCount = passes.count();
      if (passCount > 0) {
        upsert(
            passes,
            EPassesTable.DEFINITION,
            List.of("pass_id"),
            "s.status = '" + REVOKED + "' AND t.status <> '" + REVOKED + "'");
      }
      return new BatchResult(count, requestCount, manifestRows, passCount);
    } finally {
      messages.unpersist();
    }
  }

  static Dataset<Row> parse(Dataset<Row> kafkaRecords) {
    return kafkaRecords
        .select(
            col("offset"),
            from_json(
                    col("value").cast(DataTypes.StringType),
                    MESSAGE,
                    Map.of("timestampFormat", TIMESTAMP_FORMAT, "mode", "FAILFAST"))
                .as("m"))
        .select(col("offset"), col("m.*"));
  }

  /**
   * The newest manifest of each request in the batch replaces the request's earlier rows in one
   * commit: rows of a newer version overwrite, travellers no longer on it are deleted.
   */
  private long writeManifests(Dataset<Row> messages) {
    Dataset<Row> rows =
        messages
            .filter(col("manifest").isNotNull())
            .select(explode(col("manifest")).as("r"))
            .select(col("r.*"));
    Dataset<Row> newest =
        rows.withColumn(
                "newest", max(col("manifest_version")).over(Window.partitionBy(col("request_id"))))
            .filter(col("manifest_version").equalTo(col("newest")))
            .drop("newest")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = newest.count();
      if (n == 0) {
        return 0;
      }
      List<String> requestIds =
          newest.select("request_id").distinct().collectAsList().stream()
              .map(r -> r.getString(0))
              .sorted()
              .toList();
      String inBatch =
          requestIds.stream()
              .map(id -> "'" + id.replace("'", "") + "'")
              .collect(Collectors.joining(", ", "t.request_id IN (", ")"));
      // Guarded by the manifest version: a second run changes nothing, so a conflict with another
      // writer (an auditor's ALTER TABLE, the retention job's purge) is tried again.
      Conflicts.retry(
          "NMIS-MOV-LOG-010",
          "the manifests MERGE",
          () ->
              DeltaTables.open(spark, location, ManifestsTable.DEFINITION)
                  .as("t")
                  .merge(
                      newest.as("s"), "t.request_id = s.request_id AND t.traveller = s.traveller")
                  .whenMatched("s.manifest_version > t.manifest_version")
                  .updateAll()
                  .whenNotMatched()
                  .insertAll()
                  .whenNotMatchedBySource(inBatch)
                  .delete()
                  .execute());
      return n;
    } finally {
      newest.unpersist();
    }
  }

  /** The last row per key, ordered by {@code orderColumn}, with the table's columns only. */
  private static Dataset<Row> latest(Dataset<Row> rows, String key, String orderColumn) {
    String[] fields =
        Arrays.stream(rows.columns()).filter(c -> !c.equals("offset")).toArray(String[]::new);
    Column all = struct(Arrays.stream(fields).map(c -> col(c)).toArray(Column[]::new));
    return rows.groupBy(col(key)).agg(max_by(all, col(orderColumn)).as("row")).select(col("row.*"));
  }

  private void upsert(
      Dataset<Row> source, TableDefinition table, List<String> keys, String updateWhen) {
    Conflicts.retry(
        "NMIS-MOV-LOG-010",
        "the MERGE into " + table.name(),
        () ->
            DeltaTables.open(spark, location, table)
                .as("t")
                .merge(source.as("s"), on(keys))
                .whenMatched(updateWhen)
                .updateAll()
                .whenNotMatched()
                .insertAll()
                .execute());
  }

  private void insertNew(Dataset<Row> source, TableDefinition table, List<String> keys) {
    Conflicts.retry(
        "NMIS-MOV-LOG-010",
        "the insert into " + table.name(),
        () ->
            DeltaTables.open(spark, location, table)
                .as("t")
                .merge(source.as("s"), on(keys))
                .whenNotMatched()
                .insertAll()
                .execute());
  }

  private static String on(List<String> keys) {
    return keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
  }
}
