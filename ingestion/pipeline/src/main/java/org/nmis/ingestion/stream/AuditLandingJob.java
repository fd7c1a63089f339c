package org.nmis.ingestion.stream;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.audit.AuditBatchWriter;
import org.nmis.warehouse.tables.AuditLogTable;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;

/** The streaming job that appends the audit topic to {@code audit_log}, each event once. */
public final class AuditLandingJob {
  private AuditLandingJob() {}

  public static LandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis,
      String writerId) {
    DeltaTables.ensure(spark, warehouse, List.of(AuditLogTable.DEFINITION));
    AuditBatchWriter writer = new AuditBatchWriter(warehouse, writerId);
    return LandingJob.start(
        spark,
        "audit-landing",
        new KafkaToDelta.Source(
            bootstrapServers, topic, checkpointLocation, 100_000, triggerMillis),
        writer::write,
        "NMIS-AUD-LAND");
  }
}
