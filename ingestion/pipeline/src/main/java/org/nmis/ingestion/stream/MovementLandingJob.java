package org.nmis.ingestion.stream;

import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.movement.MovementBatchWriter;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job that copies the movement log into the movement tables (see {@link
 * MovementBatchWriter}).
 */
public final class MovementLandingJob {
  private static final Logger LOG = LoggerFactory.getLogger(MovementLandingJob.class);

  private MovementLandingJob() {}

  public static LandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis) {
    DeltaTables.ensure(spark, warehouse, MovementBatchWriter.TABLES);
    MovementBatchWriter writer = new MovementBatchWriter(spark, warehouse);
    return LandingJob.start(
        spark,
        "movement-landing",
        new KafkaToDelta.Source(bootstrapServers, topic, checkpointLocation, 10_000, triggerMillis),
        (batch, batchId) -> {
          MovementBatchWriter.BatchResult r = writer.write(batch);
          if (r.messages() > 0) {
            LOG.info(
                "movement batch {}: {} messages, {} requests, {} manifest rows, {} e-passes",
                batchId,
                r.messages(),
                r.requests(),
                r.manifestRows(),
                r.epasses());
          }
        },
        "NMIS-MOV-LAND");
  }
}
