package org.nmis.api.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.forecast.ForecastPlan;
import org.nmis.forecast.Smoothing;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the return forecast on a schedule and on demand, one run at a time, and keeps the latest run
 * for the forecast endpoint (the tables hold every run for governed SQL).
 */
@Service
public class ForecastDesk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ForecastDesk.class);
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  /** A finished run. */
  public record Run(LocalDate asOf, Instant generatedAt, long millis, ForecastPlan.Result result) {}

  private final WarehousePlatform platform;
  private final NmisProperties.Forecast settings;
  private final ForecastPlan.Settings plan;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "forecast");
            t.setDaemon(true);
            return t;
          });
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile Run latest;

  public ForecastDesk(WarehousePlatform platform, NmisProperties p) {
    this.platform = platform;
    this.settings = p.forecast();
    this.plan =
        new ForecastPlan.Settings(
            settings.days(),
            Rake.shramik()
                .capacity(
                    settings.middleBerthsEmpty()
                        ? MiddleBerthPolicy.LEFT_EMPTY
                        : MiddleBerthPolicy.OCCUPIED),
            settings.districtCorridors(),
            settings.backtestOrigins(),
            settings.quarantineDays(),
            Smoothing.DEFAULT);
    scheduler.scheduleWithFixedDelay(
        this::scheduled,
        settings.firstRunAfter().toMillis(),
        settings.every().toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The latest run, if one has finished. */
  public Optional<Run> latest() {
    return Optional.ofNullable(latest);
  }

  /** How a run forecasts: days, seats, districts, backtest, quarantine days, smoothing. */
  public ForecastPlan.Settings plan() {
    return plan;
  }

  /** Days an arrival stays in quarantine in the plan. */
  public int quarantineDays() {
    return plan.quarantineDays();
  }

  /** Seats a forecast counts per train. */
  public int seatsPerTrain() {
    return plan.seatsPerTrain();
  }

  /**
   * Runs now, on the caller's thread; 409 FORECAST_RUNNING while another run is under way. {@code
   * asOf} null: the configured as-of date.
   */
  public Run runNow(LocalDate asOf) {
    if (!running.compareAndSet(false, true)) {
      throw new ApiException(
          ApiError.FORECAST_RUNNING,
          "a forecast run is under way; GET /api/v1/forecasts/returns shows the latest once it ends");
    }
    try {
      LocalDate at = asOf != null ? asOf : configuredAsOf();
      long t0 = System.nanoTime();
      ForecastPlan.Result result = platform.forecast(at, plan);
      Run run = new Run(at, Instant.now(), (System.nanoTime() - t0) / 1_000_000, result);
      latest = run;
      LOG.info(
          "forecast as of {}: {} rows, {} quarantine plan rows, {} corridors backtested from {}"
              + " origins, in {} ms",
          at,
          result.rows().size(),
          result.quarantine().size(),
          result.backtest().series(),
          result.backtest().origins(),
          run.millis());
      return run;
    } finally {
      running.set(false);
    }
  }

  /** The configured as-of date: {@code nmis.forecast.as-of}, or yesterday in India. */
  public LocalDate configuredAsOf() {
    return settings.asOf().isBlank()
        ? LocalDate.now(INDIA).minusDays(1)
        : LocalDate.parse(settings.asOf());
  }

  private void scheduled() {
    try {
      runNow(null);
    } catch (RuntimeException e) {
      LOG.warn("scheduled forecast run failed: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
