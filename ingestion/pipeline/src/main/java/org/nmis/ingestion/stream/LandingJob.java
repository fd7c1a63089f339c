package org.nmis.ingestion.stream;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.warehouse.spark.SupervisedQuery;

/**
 * A running job that lands a service's log topic into its tables (movement, audit, SMS): one
 * checkpointed streaming query whose batches a writer lands idempotently.
 */
public final class LandingJob implements AutoCloseable {
  private final SupervisedQuery query;

  private LandingJob(SupervisedQuery query) {
    this.query = query;
  }

  /**
   * Starts the query {@code name}; {@code code} prefixes its error code ({@code -001}: it did not
   * start, a batch failed, or it did not stop cleanly).
   */
  static LandingJob start(
      SparkSession spark,
      String name,
      KafkaToDelta.Source source,
      VoidFunction2<Dataset<Row>, Long> writeBatch,
      String code) {
    return new LandingJob(KafkaToDelta.start(spark, name, source, writeBatch, code + "-001"));
  }

  /** The streaming query, for health checks (active, progress, lag, failures). */
  public SupervisedQuery query() {
    return query;
  }

  /** Blocks until everything logged so far is in the tables (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    query.close();
  }
}
