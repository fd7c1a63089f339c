package org.nmis.ingestion.stream;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.flows.FlowsBatchWriter;
import org.nmis.warehouse.serving.ChangeFeed;
import org.nmis.warehouse.spark.SupervisedQuery;
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

  private final SupervisedQuery query;

  private FlowsJob(SupervisedQuery query) {
    this.query = query;
  }

  public static FlowsJob start(
      SparkSession spark,
      WarehouseLocation warehouse,
      String checkpointLocation,
      long triggerMillis,
      String writerId) {
    // Its source and its own tables.
    DeltaTables.ensure(spark, warehouse, List.of(RegistrationsTable.DEFINITION));
    DeltaTables.ensure(spark, warehouse, FlowsBatchWriter.TABLES);
    FlowsBatchWriter writer = new FlowsBatchWriter(warehouse, writerId);
    return new FlowsJob(
        ChangeFeed.query(
            spark,
            warehouse.pathOf(RegistrationsTable.DEFINITION),
            "flows",
            checkpointLocation,
            triggerMillis,
            "NMIS-FLOW-001",
            (batch, batchId) -> {
              long keys = writer.write(batch, batchId);
              if (keys > 0) {
                LOG.info("flows batch {}: {} flow keys changed", batchId, keys);
              }
            }));
  }

  /** The streaming query, for health checks (active, progress, lag, failures). */
  public SupervisedQuery query() {
    return query;
  }

  /** Blocks until every registrations commit so far is counted (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    query.close();
  }
}
