package org.nmis.api.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.nmis.governance.sql.GovernedQuery;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * The runner streams rows as plain Java values and a timeout really cancels the query's Spark job.
 */
class SparkQueryRunnerTest {
  private final SparkSession spark = SharedSpark.session();
  private final SparkQueryRunner runner = new SparkQueryRunner(spark);

  @Test
  void streamsRowsAsPlainValues() {
    List<Object[]> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    runner.run(
        query("SELECT id, array('a', 'b') AS xs, named_struct('k', 1) AS s FROM range(3)"),
        Duration.ofMinutes(1),
        sink(names, rows));
    assertEquals(List.of("id", "xs", "s"), names);
    assertEquals(3, rows.size());
    assertEquals(List.of("a", "b"), rows.get(0)[1]);
    assertEquals(java.util.Map.of("k", 1), rows.get(0)[2]);
  }

  /**
   * The caller gets its timeout on time, and the Spark job really stops: the scan below would run
   * for many minutes, so an active job left after the cancel grace means the cancellation did not
   * reach it.
   */
  @Test
  void aTimeoutCancelsTheSparkJob() throws InterruptedException {
    long t0 = System.nanoTime();
    assertThrows(
        QueryRunner.QueryTimeoutException.class,
        () ->
            runner.run(
                query("SELECT sum(id * 7 % 13) FROM range(0, 100000000000)"),
                Duration.ofMillis(1500),
                sink(new ArrayList<>(), new ArrayList<>())));
    long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    assertTrue(
        seconds <= 12, "answered within the timeout and the cancel grace: " + seconds + " s");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertArrayEquals(
        new int[0],
        spark.sparkContext().statusTracker().getActiveJobIds(),
        "no Spark job of the timed-out query is still running");
  }

  /**
   * A timeout that fires while Spark is still planning (before any job exists) still stops the jobs
   * after it.
   */
  @Test
  void aTimeoutBeforeTheFirstJobStillCancelsIt() throws InterruptedException {
    assertThrows(
        QueryRunner.QueryTimeoutException.class,
        () ->
            runner.run(
                query(
                    "SELECT sum(a.id * b.id) FROM range(0, 100000000) a CROSS JOIN range(0, 100000000) b"),
                Duration.ofMillis(1),
                sink(new ArrayList<>(), new ArrayList<>())));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (spark.sparkContext().statusTracker().getActiveJobIds().length > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertArrayEquals(
        new int[0],
        spark.sparkContext().statusTracker().getActiveJobIds(),
        "no Spark job of the timed-out query is still running");
  }

  private static GovernedQuery query(String sql) {
    return new GovernedQuery(sql, List.of(), Set.of(), 100);
  }

  private static QueryRunner.RowSink sink(List<String> names, List<Object[]> rows) {
    return new QueryRunner.RowSink() {
      @Override
      public void columns(List<String> columns) {
        names.addAll(columns);
      }

      @Override
      public boolean row(Object[] values) {
        rows.add(values);
        return true;
      }
    };
  }
}
