package org.nmis.warehouse.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming query that is started again when it fails. Spark stops a query for good at the first
 * failed batch: a broker outage longer than the Kafka source's timeouts, or a warehouse directory
 * that could not be written for a moment, would leave ingestion stopped until someone restarted the
 * service. Every query here reads from a checkpoint and writes idempotently, so starting it again
 * replays at most the failed batch: this does so after a pause that doubles with each failure in a
 * row (from {@link Pauses#first()} to {@link Pauses#max()}), logs every failure with the job's
 * error code, and keeps the last one for the health checks and the status page.
 */
public final class SupervisedQuery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SupervisedQuery.class);
  private static final int MESSAGE_LIMIT = 500;

  /** Starts the query: once at the start, and again after each failure. */
  @FunctionalInterface
  public interface Starter {
    StreamingQuery start() throws TimeoutException;
  }

  /** A failure: when, and what stopped the query. */
  public record Failure(Instant at, String message) {
    public Failure {
      if (at == null || message == null) {
        throw new IllegalArgumentException("a failure needs a time and a message");
      }
    }
  }

  /**
   * The pause before the first restart and the longest pause; it doubles while the query fails
   * again before it completes a batch, and begins again at {@code first} once it has completed one.
   */
  public record Pauses(Duration first, Duration max) {
    /**
     * 2 s doubling to 60 s: a broker restart is ridden out within seconds, an outage costs little.
     */
    public static final Pauses DEFAULT = new Pauses(Duration.ofSeconds(2), Duration.ofSeconds(60));

    public Pauses {
      if (first == null || max == null || first.isNegative() || max.compareTo(first) < 0) {
        throw new IllegalArgumentException("pauses need 0 <= first <= max: " + first + ", " + max);
      }
    }
  }

  private final SparkSession spark;
  private final String name;
  private final String errorCode;
  private final Pauses pauses;
  private final Starter starter;
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile StreamingQuery current;
  private volatile Failure lastFailure;
  private volatile boolean stopped;
  private final Thread watcher;

  private SupervisedQuery(
      SparkSession spark,
      String name,
      String errorCode,
      Pauses pauses,
      Starter starter,
      StreamingQuery first) {
    this.spark = spark;
    this.name = name;
    this.errorCode = errorCode;
    this.pauses = pauses;
    this.starter = starter;
    this.current = first;
    this.watcher = new Thread(this::watch, "nmis-supervise-" + name);
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * Starts the query and watches it. A query that cannot start at all fails here ({@code
   * errorCode}): a start-up error is the operator's to fix, not to retry.
   */
  public static SupervisedQuery start(
      SparkSession spark, String name, String errorCode, Pauses pauses, Starter starter) {
    try {
      return new SupervisedQuery(spark, name, errorCode, pauses, starter, starter.start());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          errorCode + ": the streaming query " + name + " did not start; " + e.getMessage(), e);
    }
  }

  public String name() {
    return name;
  }

  /** The query running now (or the one that failed last, until it is started again). */
  public StreamingQuery current() {
    return current;
  }

  public boolean isActive() {
    return current.isActive();
  }

  /** How often the query was started again since the service started. */
  public int restarts() {
    return restarts.get();
  }

  /** The last failure since the service started, if any. */
  public Optional<Failure> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  /**
   * Blocks until everything available in the source now is processed, waiting through failures and
   * restarts (tests, start-up, benchmarks).
   *
   * @throws IllegalStateException when the query is stopped meanwhile
   */
  public void processAllAvailable() {
    while (true) {
      StreamingQuery q = current;
      try {
        q.processAllAvailable();
        if (q.isActive() || stopped) {
          checkNotStopped();
          return;
        }
      } catch (Exception e) { // Spark throws the query's StreamingQueryException undeclared
        checkNotStopped();
      }
      while (current == q) {
        checkNotStopped();
        sleep(Duration.ofMillis(100));
      }
    }
  }

  private void checkNotStopped() {
    if (stopped) {
      throw new IllegalStateException(
          errorCode + ": the streaming query " + name + " was stopped while waited for");
    }
  }

  private void watch() {
    Duration pause = pauses.first();
    while (!stopped) {
      StreamingQuery q = current;
      String why;
      try {
        q.awaitTermination();
        why = "it stopped without an error";
      } catch (StreamingQueryException e) {
        why = causeOf(e);
      } catch (Exception e) { // Spark throws InterruptedException undeclared, on close()
        if (stopped) {
          return;
        }
        why = e.toString();
      }
      if (stopped || spark.sparkContext().isStopped()) {
        return;
      }
      if (q.lastProgress() != null) {
        pause = pauses.first(); // it ran a batch since its start: this is a new failure
      }
      lastFailure = new Failure(Instant.now(), why);
      LOG.error(
          "{}: the streaming query {} failed ({}); it starts again from its checkpoint in {} ms",
          errorCode,
          name,
          why,
          pause.toMillis());
      pause = restartAfter(pause);
    }
  }

  /** Starts the query again after {@code pause}, retrying; returns the next failure's pause. */
  private Duration restartAfter(Duration pause) {
    while (!stopped) {
      if (!sleep(pause)) {
        return pause;
      }
      Duration next = pause.multipliedBy(2);
      next = next.compareTo(pauses.max()) > 0 ? pauses.max() : next;
      try {
        synchronized (this) {
          if (stopped || spark.sparkContext().isStopped()) {
            return next;
          }
          current = starter.start();
        }
        LOG.warn(
            "{}: the streaming query {} started again ({} restarts since the start)",
            errorCode,
            name,
            restarts.incrementAndGet());
        return next;
      } catch (Exception e) {
        lastFailure = new Failure(Instant.now(), "could not start again: " + e.getMessage());
        LOG.error(
            "{}: the streaming query {} could not start again ({}); next try in {} ms",
            errorCode,
            name,
            e.toString(),
            next.toMillis());
        pause = next;
      }
    }
    return pause;
  }

  private static String causeOf(StreamingQueryException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getClass().getSimpleName() + ": " + root.getMessage();
    return message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) + "..." : message;
  }

  private static boolean sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Blocks until the query is stopped for good ({@link #close()} or Spark's end). */
  public void awaitStop() throws InterruptedException {
    watcher.join();
  }

  /** Stops the query for good; {@code errorCode} names it if it does not stop in time. */
  @Override
  public void close() {
    synchronized (this) {
      stopped = true;
    }
    watcher.interrupt();
    StreamingQueries.stop(current, errorCode);
  }
}
