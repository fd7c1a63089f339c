package org.nmis.api.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;

class ReportRunnerTest {
  @Test
  void beyondTheThreadsAndTheQueueARequestIsRefusedAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ReportRunner runner =
        new ReportRunner(new NmisProperties.Reports(1, 1, Duration.ofSeconds(30), false))) {
      var filling = runner.submit(() -> await(release));
      var waiting = runner.submit(() -> "second");
      ApiException busy = assertThrows(ApiException.class, () -> runner.submit(() -> "third"));
      assertEquals(ApiError.REPORTS_BUSY, busy.error());
      release.countDown();
      assertEquals("first", filling.get(5, TimeUnit.SECONDS));
      assertEquals("second", waiting.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void aReportPastItsTimeAnswersTimedOut() {
    CountDownLatch never = new CountDownLatch(1);
    try (ReportRunner runner =
        new ReportRunner(new NmisProperties.Reports(1, 0, Duration.ofMillis(200), false))) {
      CompletionException e =
          assertThrows(CompletionException.class, () -> runner.submit(() -> await(never)).join());
      assertEquals(ApiError.REPORT_TIMED_OUT, ((ApiException) e.getCause()).error());
    }
  }

  private static String await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "first";
  }
}
