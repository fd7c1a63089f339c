package org.nmis.ingestion.stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.nmis.warehouse.movement.MovementBatchWriter;
import org.nmis.warehouse.spark.StreamingQueries;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job that copies the movement log into the movement tables (see {@link
 * MovementBatchWriter}).
 */
public final class MovementLandingJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MovementLandingJob.class);

  private final StreamingQuery query;

  private MovementLandingJob(StreamingQuery query) {
    this.query = query;
  }

  public static MovementLandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis) {
    DeltaTables.ensureAll(spark, warehouse);
    MovementBatchWriter writer = new MovementBatchWriter(spark, warehouse);
    StreamingQuery query =
        KafkaToDelta.start(
            spark,
            "movement-landing",
            new KafkaToDelta.Source(
                bootstrapServers, topic, checkpointLocation, 10_000, triggerMillis),
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
            "NMIS-MOV-LAND-001");
    return new MovementLandingJob(query);
  }

  /** Blocks until every message logged so far is in the tables (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    StreamingQueries.stop(query, "NMIS-MOV-LAND-002");
  }
}
