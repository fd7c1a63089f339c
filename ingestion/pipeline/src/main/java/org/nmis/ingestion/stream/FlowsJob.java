package org.nmis.ingestion.stream;

import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.nmis.warehouse.flows.FlowsBatchWriter;
import org.nmis.warehouse.spark.StreamingQueries;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job that keeps {@code od_flows} and {@code state_daily} up to date from the change
 * feed of {@code registrations} (see {@link FlowsBatchWriter}). Its checkpoint records which
 * registrations commits are counted; the writer's transaction IDs make a replayed batch harmless.
 */
public final class FlowsJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FlowsJob.class);

  private final StreamingQuery query;

  private FlowsJob(StreamingQuery query) {
    this.query = query;
  }

  public static FlowsJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String checkpointLocation,
      long triggerMillis,
      String writerId) {
    DeltaTables.ensureAll(spark, warehouse);
    FlowsBatchWriter writer = new FlowsBatchWriter(warehouse, writerId);
    Dataset<Row> changes =
        spark
            .readStream()
            .format("delta")
            .option("readChangeFeed", "true")
            .load(warehouse.pathOf(RegistrationsTable.DEFINITION));
    try {
      StreamingQuery q =
          changes
              .writeStream()
              .queryName("flows")
              .option("checkpointLocation", checkpointLocation)
              .trigger(Trigger.ProcessingTime(triggerMillis))
              .foreachBatch(
                  (VoidFunction2<Dataset<Row>, Long>)
                      (batch, batchId) -> {
                        long keys = writer.write(batch, batchId);
                        if (keys > 0) {
                          LOG.info("flows batch {}: {} flow keys changed", batchId, keys);
                        }
                      })
              .start();
      return new FlowsJob(q);
    } catch (TimeoutException e) {
      throw new IllegalStateException("NMIS-FLOW-001: the flows job did not start", e);
    }
  }

  /** The streaming query, for health checks (active, progress, lag). */
  public StreamingQuery query() {
    return query;
  }

  /** Blocks until every registrations commit so far is counted (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    StreamingQueries.stop(query, "NMIS-FLOW-002");
  }
}
