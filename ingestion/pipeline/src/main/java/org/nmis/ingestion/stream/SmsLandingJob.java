package org.nmis.ingestion.stream;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.nmis.warehouse.sms.SmsBatchWriter;
import org.nmis.warehouse.spark.StreamingQueries;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The streaming job that copies the SMS log into sms_outbox and sms_events. */
public final class SmsLandingJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmsLandingJob.class);

  private final StreamingQuery query;

  private SmsLandingJob(StreamingQuery query) {
    this.query = query;
  }

  public static SmsLandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis) {
    SmsBatchWriter writer = new SmsBatchWriter(spark, warehouse);
    return new SmsLandingJob(
        KafkaToDelta.start(
            spark,
            "sms-landing",
            new KafkaToDelta.Source(
                bootstrapServers, topic, checkpointLocation, 10_000, triggerMillis),
            (batch, batchId) -> {
              long n = writer.write(batch);
              if (n > 0) {
                LOG.info("sms batch {}: {} outbox events", batchId, n);
              }
            },
            "NMIS-SMS-LAND-001"));
  }

  /** Blocks until every event logged so far is in the tables (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    StreamingQueries.stop(query, "NMIS-SMS-LAND-002");
  }
}
