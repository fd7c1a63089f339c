package org.nmis.api.reports;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;

/**
 * Fills reports on a few threads of their own, so that a 70-page manifest does not hold a request
 * thread and a burst of downloads cannot take the service's memory: {@code concurrency} at once,
 * {@code queue} waiting, 429 beyond that.
 */
public class ReportRunner implements AutoCloseable {
  private final ThreadPoolExecutor pool;
  private final NmisProperties.Reports settings;

  public ReportRunner(NmisProperties.Reports settings) {
    this.settings = settings;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            settings.concurrency(),
            settings.concurrency(),
            0,
            TimeUnit.SECONDS,
            // A queue of 0 means no waiting: ArrayBlockingQueue needs at least 1, so hand off.
            settings.queue() == 0
                ? new java.util.concurrent.SynchronousQueue<>()
                : new ArrayBlockingQueue<>(settings.queue()),
            r -> {
              Thread t = new Thread(r, "nmis-report-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /** Runs {@code work} on a report thread; 429 at once when all threads and the queue are busy. */
  public <T> CompletableFuture<T> submit(Supplier<T> work) {
    CompletableFuture<T> future;
    try {
      future = CompletableFuture.supplyAsync(work, pool);
    } catch (RejectedExecutionException e) {
      throw new ApiException(
          ApiError.REPORTS_BUSY,
          settings.concurrency()
              + " reports are being filled and "
              + settings.queue()
              + " are waiting; try again in a few seconds (nmis.reports.concurrency and"
              + " nmis.reports.queue set these limits)");
    }
    return future
        .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .exceptionally(
            ex -> {
              Throwable cause =
                  ex instanceof java.util.concurrent.CompletionException ? ex.getCause() : ex;
              if (cause instanceof TimeoutException) {
                throw new ApiException(
                    ApiError.REPORT_TIMED_OUT,
                    "the report took longer than "
                        + settings.timeout().toSeconds()
                        + " s; ask for a shorter date range or try again when the service is less busy");
              }
              if (cause instanceof RuntimeException r) {
                throw r;
              }
              throw new IllegalStateException(cause);
            });
  }

  /** Compiles the templates in the background, so the first request does not wait for it. */
  public void warmUp(Runnable compile) {
    Thread t = new Thread(compile, "nmis-report-warm-up");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
