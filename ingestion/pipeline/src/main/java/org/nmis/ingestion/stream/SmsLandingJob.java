package org.nmis.ingestion.stream;

import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.sms.SmsBatchWriter;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The streaming job that copies the SMS log into sms_outbox and sms_events. */
public final class SmsLandingJob {
  private static final Logger LOG = LoggerFactory.getLogger(SmsLandingJob.class);

  private SmsLandingJob() {}

  public static LandingJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String bootstrapServers,
      String topic,
      String checkpointLocation,
      long triggerMillis) {
    SmsBatchWriter writer = new SmsBatchWriter(spark, warehouse);
    return LandingJob.start(
        spark,
        "sms-landing",
        new KafkaToDelta.Source(bootstrapServers, topic, checkpointLocation, 10_000, triggerMillis),
        (batch, batchId) -> {
          long n = writer.write(batch);
          if (n > 0) {
            LOG.info("sms batch {}: {} outbox events", batchId, n);
          }
        },
        "NMIS-SMS-LAND");
  }
}
