package org.nmis.api.platform;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nmis.api.config.NmisProperties;
import org.nmis.warehouse.privacy.DeltaRetention;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs the retention job ({@link DeltaRetention}) every {@code nmis.retention.every}: deletes the
 * raw and rejected messages older than their retention, then purges and vacuums every table, which
 * is also what removes erased rows from the disk. Its last run shows in {@code /api/v1/status}.
 */
@Component
public class RetentionJob {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
  private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

  /** The last run: when, what it deleted, or why it failed. */
  public record LastRun(Instant at, Map<String, Long> rowsDeleted, long millis, String error) {}

  private final DeltaRetention retention;
  private final NmisProperties.Retention settings;
  private final ScheduledExecutorService timer;
  private volatile LastRun last;

  public RetentionJob(WarehousePlatform platform, NmisProperties properties) {
    this.retention = new DeltaRetention(platform.spark(), platform.warehouse());
    this.settings = properties.retention();
    platform.reportRetention(this);
    if (settings.enabled()) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "nmis-retention");
                t.setDaemon(true);
                return t;
              });
      long every = settings.every().toMillis();
      timer.scheduleWithFixedDelay(
          () -> runNow(settings.vacuumAfter()), every, every, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  /** The rules of {@code nmis.retention}. */
  public List<DeltaRetention.Rule> rules() {
    return List.of(
        new DeltaRetention.Rule(
            RegistrationsRawTable.DEFINITION, "received_date", settings.registrationsRaw()),
        new DeltaRetention.Rule(
            RegistrationRejectsTable.DEFINITION, "received_date", settings.registrationRejects()));
  }

  /**
   * One run now, keeping {@code vacuumAfter} of history (the schedule passes {@code
   * nmis.retention.vacuum-after}; tests pass less). A failure is logged and kept for the status.
   */
  public synchronized LastRun runNow(Duration vacuumAfter) {
    Instant at = Instant.now();
    try {
      DeltaRetention.Result r = retention.run(rules(), LocalDate.now(IST), vacuumAfter);
      last = new LastRun(at, r.rowsDeleted(), r.millis(), null);
    } catch (RuntimeException e) {
      LOG.error("NMIS-PRV-003: the retention job failed; it runs again in {}", settings.every(), e);
      last = new LastRun(at, Map.of(), 0, "NMIS-PRV-003: " + e.getMessage());
    }
    return last;
  }

  /** The last run, or null before the first. */
  public LastRun last() {
    return last;
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
