package org.nmis.ingestion.stream;

import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.nmis.warehouse.spark.StreamingQueries;

/**
 * A running job that lands a service's log topic into its tables (movement, audit, SMS): one
 * checkpointed streaming query whose batches a writer lands idempotently.
 */
public final class LandingJob implements AutoCloseable {
  private final StreamingQuery query;
  private final String stopCode;

  private LandingJob(StreamingQuery query, String stopCode) {
    this.query = query;
    this.stopCode = stopCode;
  }

  /**
   * Starts the query {@code name}; {@code code} prefixes its error codes ({@code -001} when a batch
   * fails, {@code -002} when it does not stop cleanly).
   */
  static LandingJob start(
      SparkSession spark,
      String name,
      KafkaToDelta.Source source,
      VoidFunction2<Dataset<Row>, Long> writeBatch,
      String code) {
    return new LandingJob(
        KafkaToDelta.start(spark, name, source, writeBatch, code + "-001"), code + "-002");
  }

  /** The streaming query, for health checks (active, progress, lag). */
  public StreamingQuery query() {
    return query;
  }

  /** Blocks until everything logged so far is in the tables (tests, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    StreamingQueries.stop(query, stopCode);
  }
}
