package org.nmis.warehouse.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.nmis.warehouse.spark.SupervisedQuery;

/**
 * Keeps an in-memory serving copy equal to a Delta table: a streaming read of the table's change
 * data feed whose first batch is the whole current table and whose later batches are the changes of
 * each commit. The copy lives in memory, so every start rebuilds it from the table (the checkpoint
 * is temporary).
 */
public final class ChangeFeed implements AutoCloseable {
  private final SupervisedQuery query;
  private final Path checkpoint;
  private volatile boolean warm;

  private ChangeFeed(SupervisedQuery query, Path checkpoint, String name) {
    this.query = query;
    this.checkpoint = checkpoint;
    // The copy is complete once the feed has processed everything the table held when it started
    // (and whatever came meanwhile); a query that keeps failing never gets there. A restarted one
    // resumes from the checkpoint, so the copy it has is kept.
    Thread warmUp =
        new Thread(
            () -> {
              try {
                query.processAllAvailable();
                warm = true;
              } catch (Exception e) {
                // the query failed or was stopped: the copy stays not warm, readiness stays down
              }
            },
            "nmis-warm-up-" + name);
    warmUp.setDaemon(true);
    warmUp.start();
  }

  public static ChangeFeed start(
      SparkSession spark,
      String tablePath,
      String name,
      long triggerMillis,
      Consumer<Dataset<Row>> apply) {
    try {
      Path checkpoint = Files.createTempDirectory("nmis-" + name);
      SupervisedQuery q =
          query(
              spark,
              tablePath,
              name,
              checkpoint.toString(),
              triggerMillis,
              "NMIS-IDX-002",
              (batch, id) -> apply.accept(batch));
      return new ChangeFeed(q, checkpoint, name);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "NMIS-IDX-001: cannot create the checkpoint directory of " + name, e);
    }
  }

  /**
   * A supervised streaming read of a table's change data feed, each micro-batch handed to {@code
   * writeBatch}: the serving copies' feeds and the jobs that keep tables derived from a table
   * (flows) all read a feed this way.
   */
  public static SupervisedQuery query(
      SparkSession spark,
      String tablePath,
      String name,
      String checkpointLocation,
      long triggerMillis,
      String errorCode,
      VoidFunction2<Dataset<Row>, Long> writeBatch) {
    return SupervisedQuery.start(
        spark,
        name,
        errorCode,
        SupervisedQuery.Pauses.DEFAULT,
        () ->
            spark
                .readStream()
                .format("delta")
                .option("readChangeFeed", "true")
                .load(tablePath)
                .writeStream()
                .queryName(name)
                .option("checkpointLocation", checkpointLocation)
                .trigger(Trigger.ProcessingTime(triggerMillis))
                .foreachBatch(writeBatch)
                .start());
  }

  /** The streaming query, for health checks (active, progress, lag, failures). */
  public SupervisedQuery query() {
    return query;
  }

  /**
   * Whether the serving copy has caught up with the table once since start. Until then it misses
   * rows the table has (after a restart, the whole table is read again), so lookups must not answer
   * from it. Once true it stays true: later lag is ordinary freshness.
   */
  public boolean warmedUp() {
    return warm;
  }

  /**
   * Waits until every change committed so far has reached the serving copy (tests and start-up).
   */
  public void awaitCaughtUp() {
    query.processAllAvailable();
  }

  @Override
  public void close() {
    try {
      query.close();
    } finally {
      deleteRecursively(checkpoint);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }
}
