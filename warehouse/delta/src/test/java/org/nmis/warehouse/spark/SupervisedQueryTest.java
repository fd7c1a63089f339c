package org.nmis.warehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * A query whose batches fail is started again from its checkpoint until they succeed: nothing of
 * the source is lost, the failure is kept, and a stopped query stays stopped.
 */
class SupervisedQueryTest {
  private final SparkSession spark = SharedSpark.session();

  @Test
  void failedBatchesAreRetriedFromTheCheckpointUntilTheyPass() throws Exception {
    Path dir = Files.createTempDirectory("nmis-supervised");
    String table = dir.resolve("t").toUri().toString();
    spark.range(0, 100).write().format("delta").save(table);
    spark.range(100, 250).write().format("delta").mode("append").save(table);
    AtomicInteger failuresLeft = new AtomicInteger(3);
    AtomicLong rows = new AtomicLong();
    AtomicLong sum = new AtomicLong();
    VoidFunction2<Dataset<Row>, Long> write =
        (batch, id) -> {
          if (failuresLeft.getAndDecrement() > 0) {
            throw new IllegalStateException("the warehouse cannot be written (" + id + ")");
          }
          rows.addAndGet(batch.count());
          sum.addAndGet(batch.selectExpr("coalesce(sum(id), 0)").first().getLong(0));
        };
    SupervisedQuery query =
        SupervisedQuery.start(
            spark,
            "supervised-test",
            "NMIS-TEST-001",
            new SupervisedQuery.Pauses(Duration.ofMillis(100), Duration.ofMillis(400)),
            () ->
                spark
                    .readStream()
                    .format("delta")
                    .option("maxFilesPerTrigger", 1)
                    .load(table)
                    .writeStream()
                    .queryName("supervised-test")
                    .option("checkpointLocation", dir.resolve("checkpoint").toString())
                    .trigger(Trigger.ProcessingTime(50))
                    .foreachBatch(write)
                    .start());
    try {
      query.processAllAvailable();
      assertEquals(3, query.restarts());
      assertTrue(
          query.lastFailure().orElseThrow().message().contains("cannot be written"),
          query.lastFailure().toString());
      assertEquals(250, rows.get(), "every row once: the failed batches were replayed, not lost");
      assertEquals(249L * 250 / 2, sum.get());
      assertTrue(query.isActive());
    } finally {
      query.close();
    }
    assertFalse(query.isActive());
    assertThrows(IllegalStateException.class, query::processAllAvailable);
    Thread.sleep(600); // longer than the longest pause: a stopped query is not started again
    assertFalse(query.isActive());
    assertEquals(3, query.restarts());
  }

  @Test
  void pausesMustBeOrdered() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SupervisedQuery.Pauses(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SupervisedQuery.Pauses(Duration.ofSeconds(-1), Duration.ofSeconds(1)));
  }
}
