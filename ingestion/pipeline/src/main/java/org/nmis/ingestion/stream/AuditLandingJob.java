package org.nmis.ingestion.stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.nmis.warehouse.audit.AuditBatchWriter;
import org.nmis.warehouse.spark.StreamingQueries;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;

/** The streaming job that appends the audit topic to {@code audit_log}, each event once. */
public final class AuditLandingJob implements AutoCloseable {
  private final StreamingQuery query;

  private AuditLandingJob(StreamingQuery query) {
    this.query = query;
  }

  public static AuditLandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis,
      String writerId) {
    DeltaTables.ensureAll(spark, warehouse);
    AuditBatchWriter writer = new AuditBatchWriter(warehouse, writerId);
    return new AuditLandingJob(
        KafkaToDelta.start(
            spark,
            "audit-landing",
            new KafkaToDelta.Source(
                bootstrapServers, topic, checkpointLocation, 100_000, triggerMillis),
            writer::write,
            "NMIS-AUD-LAND-001"));
  }

  /** Blocks until every audit event published so far is in the table (tests). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    StreamingQueries.stop(query, "NMIS-AUD-LAND-002");
  }
}
