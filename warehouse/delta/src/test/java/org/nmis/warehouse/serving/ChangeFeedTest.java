package org.nmis.warehouse.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * A serving copy says it is warm only once it holds the whole table it started on: readiness and
 * the lookups' warm-up gate rely on that after a restart.
 */
class ChangeFeedTest {
  private final SparkSession spark = SharedSpark.session();

  private String table(int commits, int rowsEach) throws Exception {
    String path = Files.createTempDirectory("nmis-feed").resolve("t").toUri().toString();
    for (int i = 0; i < commits; i++) {
      spark
          .range((long) i * rowsEach, (long) (i + 1) * rowsEach)
          .write()
          .format("delta")
          .mode("append")
          .option("delta.enableChangeDataFeed", "true")
          .save(path);
    }
    return path;
  }

  @Test
  void isWarmOnlyOnceTheWholeTableIsIn() throws Exception {
    String path = table(4, 500);
    AtomicLong rows = new AtomicLong();
    try (ChangeFeed feed =
        ChangeFeed.start(
            spark,
            path,
            "warm-test",
            100,
            batch -> {
              long n = batch.count();
              try {
                Thread.sleep(1500); // a slow serving copy: the service is up long before it is full
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              rows.addAndGet(n);
            })) {
      assertFalse(feed.warmedUp(), "not warm before its first batch is applied");
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (!feed.warmedUp() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(feed.warmedUp());
      assertEquals(2000, rows.get(), "warm means every row of the table is in the copy");
    }
  }

  @Test
  void aFeedThatFailsNeverTurnsWarm() throws Exception {
    String path = table(1, 10);
    try (ChangeFeed feed =
        ChangeFeed.start(
            spark,
            path,
            "failing-test",
            100,
            batch -> {
              throw new IllegalStateException("the copy cannot take this row");
            })) {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (feed.query().restarts() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      // Started again after its failure (and failing again): never warm, the failure is kept.
      assertTrue(feed.query().restarts() >= 1, "the failed feed is started again");
      assertTrue(
          feed.query().lastFailure().orElseThrow().message().contains("cannot take this row"),
          feed.query().lastFailure().toString());
      assertFalse(feed.warmedUp());
    }
  }
}
