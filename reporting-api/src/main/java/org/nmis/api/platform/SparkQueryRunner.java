package org.nmis.api.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.governance.sql.GovernedQuery;

/**
 * Runs governed queries on the warehouse's SparkSession, each in a worker thread under a job group
 * of its own, so that a timeout cancels exactly this query's Spark jobs (and interrupts their
 * tasks) while the caller gets its answer on time; rows stream with {@code toLocalIterator} so a
 * large export never sits in memory.
 *
 * <p>A single {@code cancelJobGroup} is not enough: it cancels only the jobs active at that
 * instant, and a query starts jobs lazily (planning can outlast a short timeout, and {@code
 * toLocalIterator} starts one job per partition). So a timed-out group stays marked until its
 * worker has unwound, and a listener cancels every job of a marked group as it starts.
 */
final class SparkQueryRunner implements QueryRunner, AutoCloseable {
  private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
  private static final String JOB_GROUP = "spark.jobGroup.id";

  private final SparkSession spark;
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
  private final SparkListener cancelOnStart =
      new SparkListener() {
        @Override
        public void onJobStart(SparkListenerJobStart job) {
          String group = job.properties() == null ? null : job.properties().getProperty(JOB_GROUP);
          if (group != null && cancelled.contains(group)) {
            spark.sparkContext().cancelJob(job.jobId(), "governed SQL query timed out");
          }
        }
      };

  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "nmis-sql-query");
            t.setDaemon(true);
            return t;
          });

  SparkQueryRunner(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(cancelOnStart);
  }

  @Override
  public void run(GovernedQuery query, Duration timeout, RowSink sink) {
    String tag = "nmis-sql-" + UUID.randomUUID();
    SparkContext sc = spark.sparkContext();
    CompletableFuture<Void> work =
        CompletableFuture.runAsync(
            () -> {
              // The job group belongs to this worker thread: cancelling it stops this query's jobs
              // only.
              sc.setJobGroup(tag, "governed SQL", true);
              try {
                Dataset<Row> result = spark.sql(query.sparkSql());
                sink.columns(Arrays.asList(result.columns()));
                Iterator<Row> rows = result.toLocalIterator();
                while (rows.hasNext()) {
                  Row r = rows.next();
                  Object[] values = new Object[r.length()];
                  for (int i = 0; i < values.length; i++) {
                    values[i] = plain(r.get(i));
                  }
                  if (!sink.row(values)) {
                    cancel(tag);
                    break;
                  }
                }
              } finally {
                sc.clearJobGroup();
              }
            },
            workers);
    try {
      work.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      cancel(tag);
      try {
        work.get(
            CANCEL_GRACE.toMillis(),
            TimeUnit.MILLISECONDS); // let Spark unwind before the slot is freed
      } catch (InterruptedException | ExecutionException | TimeoutException ignored) {
        // the answer is a timeout either way
      }
      throw new QueryTimeoutException(timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel(tag);
      throw new QueryFailedException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re
          && !(cause instanceof org.apache.spark.SparkException)
          && re.getClass().getName().startsWith("org.nmis")) {
        throw re;
      }
      throw new QueryFailedException(firstLine(cause.getMessage()), cause);
    } finally {
      // Once the worker has unwound, no job of this group can start any more.
      work.whenComplete((ok, failure) -> cancelled.remove(tag));
    }
  }

  private void cancel(String tag) {
    cancelled.add(tag);
    spark.sparkContext().cancelJobGroup(tag);
  }

  /**
   * Spark's arrays and structs as Java lists and maps, so nothing Spark-typed leaves the platform.
   */
  static Object plain(Object v) {
    if (v instanceof scala.collection.Seq<?> seq) {
      java.util.List<Object> out = new java.util.ArrayList<>();
      scala.jdk.javaapi.CollectionConverters.asJava(seq).forEach(e -> out.add(plain(e)));
      return out;
    }
    if (v instanceof Row row && row.schema() != null) {
      java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
      for (int i = 0; i < row.length(); i++) {
        out.put(row.schema().fieldNames()[i], plain(row.get(i)));
      }
      return out;
    }
    return v;
  }

  /** The first line that says something: Spark's messages may start with a line break. */
  static String firstLine(String message) {
    if (message != null) {
      for (String line : message.split("\n")) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
    }
    return "the query failed";
  }

  @Override
  public void close() {
    spark.sparkContext().removeSparkListener(cancelOnStart);
    workers.shutdownNow();
  }
}
