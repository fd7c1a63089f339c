package org.nmis.warehouse.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;

import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.AuditLogTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Appends a batch of audit events (JSON messages keyed by the table's column names) to {@code
 * audit_log}, as an idempotent Delta append: a batch replayed after a crash is skipped, so each
 * event is kept once.
 */
public final class AuditBatchWriter {
  public static final String TIMESTAMP_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  private final WarehouseLocation location;
  private final String writerId;

  public AuditBatchWriter(WarehouseLocation location, String writerId) {
    this.location = location;
    this.writerId = writerId;
  }

  public void write(Dataset<Row> kafkaRecords, long batchId) {
    Column[] columns =
        Arrays.stream(AuditLogTable.SCHEMA.fieldNames())
            .map(c -> col("e." + c).as(c))
            .toArray(Column[]::new);
    Dataset<Row> events =
        kafkaRecords
            .select(
                from_json(
                        col("value").cast(DataTypes.StringType),
                        AuditLogTable.SCHEMA,
                        Map.of("timestampFormat", TIMESTAMP_FORMAT, "mode", "FAILFAST"))
                    .as("e"))
            .select(columns);
    // An auditor's change to the table's properties (or any other commit that conflicts) must not
    // stop the landing: the append is idempotent (txnAppId, txnVersion), so it is simply tried
    // again.
    Conflicts.retry(
        "NMIS-AUD-011",
        "audit batch " + batchId + " on audit_log",
        () ->
            events
                .write()
                .format("delta")
                .mode("append")
                // A table made before the hash chain gets its columns on the first write.
                .option("mergeSchema", "true")
                .option("txnAppId", writerId)
                .option("txnVersion", batchId)
                .save(location.pathOf(AuditLogTable.DEFINITION)));
  }
}
