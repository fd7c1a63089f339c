package org.nmis.bench;

import static org.nmis.bench.WarehouseBenchmark.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nmis.api.forecast.ForecastDesk;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.forecast.Backtest;
import org.nmis.forecast.ForecastPlan;
import org.nmis.forecast.QuarantineRow;
import org.nmis.forecast.Smoothing;

/**
 * The forecast job on the benchmark's data (issue 16): the whole run (Spark reads of od_flows,
 * registrations and manifests, the backtest, the forecast, the capacity plan, the Delta writes)
 * timed cold and warm, the backtest's accuracy per horizon against the two naive baselines, and the
 * backtest of other smoothing weights on the same data.
 */
final class ForecastBenchmark {
  private ForecastBenchmark() {}

  /** Once the movement log is landed, so that the manifests the job reads are all there. */
  static List<String> run(WarehousePlatform platform, ForecastDesk desk, LocalDate asOf) {
    platform.awaitFlowsCaughtUp();
    platform.awaitMovementLanded();
    List<String> rows = new ArrayList<>();
    long[] millis = new long[3];
    ForecastDesk.Run last = null;
    for (int i = 0; i < millis.length; i++) {
      last = desk.runNow(asOf);
      millis[i] = last.millis();
    }
    rows.add(
        row(
            "forecast job as of " + asOf + ", cold then warm (2 runs)",
            String.format(
                Locale.ROOT,
                "%.1f s, then %.1f s and %.1f s (%,d forecast rows)",
                millis[0] / 1000.0,
                millis[1] / 1000.0,
                millis[2] / 1000.0,
                last.result().rows().size())));
    Backtest.Report b = last.result().backtest();
    rows.add(
        row(
            "backtest",
            String.format(
                Locale.ROOT, "%d state corridors, %d rolling origins", b.series(), b.origins())));
    rows.add(
        row(
            "quarantine plan",
            String.format(
                Locale.ROOT,
                "%,d district-days, %d districts overloaded on some day",
                last.result().quarantine().size(),
                last.result().quarantine().stream()
                    .filter(QuarantineRow::overloaded)
                    .map(QuarantineRow::destination)
                    .distinct()
                    .count())));
    for (Backtest.HorizonRow h : b.rows()) {
      if (h.horizon() == 1 || h.horizon() % 7 == 0) {
        rows.add(
            row(
                "backtest h=" + h.horizon() + ": MAE model / last week / same weekday; coverage",
                String.format(
                    Locale.ROOT,
                    "%.1f / %.1f / %.1f; MAPE %.1f%% / %.1f%% / %.1f%%; 80%%: %.0f%%, 95%%: %.0f%%",
                    h.model().mae(),
                    h.lastWeek().mae(),
                    h.sameWeekday().mae(),
                    h.model().mape(),
                    h.lastWeek().mape(),
                    h.sameWeekday().mape(),
                    100 * h.coverage80(),
                    100 * h.coverage95())));
      }
    }
    rows.addAll(smoothingChoices(platform, desk, asOf));
    return rows;
  }

  /**
   * The backtest of other smoothing weights on the same data (the choice of docs/FORECAST.md), then
   * the configured weights again so that the tables hold the service's own run.
   */
  private static List<String> smoothingChoices(
      WarehousePlatform platform, ForecastDesk desk, LocalDate asOf) {
    List<String> rows = new ArrayList<>();
    ForecastPlan.Settings base = desk.plan();
    List<Smoothing> choices =
        List.of(
            base.smoothing(),
            new Smoothing(0.3, 0, 1), // level only: simple exponential smoothing
            new Smoothing(0.2, 0.05, 0.9),
            new Smoothing(0.5, 0.05, 0.9),
            new Smoothing(0.3, 0.1, 0.8),
            new Smoothing(0.3, 0.02, 0.95));
    for (Smoothing s : choices) {
      Backtest.Report b =
          platform
              .forecast(
                  asOf,
                  new ForecastPlan.Settings(
                      base.days(),
                      base.seatsPerTrain(),
                      base.districtCorridors(),
                      base.backtestOrigins(),
                      base.quarantineDays(),
                      s))
              .backtest();
      double model = 0;
      double lastWeek = 0;
      for (Backtest.HorizonRow h : b.rows()) {
        model += h.model().mae();
        lastWeek += h.lastWeek().mae();
      }
      rows.add(
          row(
              String.format(
                  Locale.ROOT,
                  "smoothing alpha %.2f, beta %.2f, phi %.2f%s",
                  s.alpha(),
                  s.beta(),
                  s.phi(),
                  s.equals(base.smoothing()) ? " (configured)" : ""),
              String.format(
                  Locale.ROOT,
                  "MAE h1 %.2f, h7 %.2f, h28 %.2f; over all horizons %.1f vs last week %.1f (%+.1f%%)",
                  b.rows().get(0).model().mae(),
                  b.rows().get(6).model().mae(),
                  b.rows().get(b.rows().size() - 1).model().mae(),
                  model,
                  lastWeek,
                  100 * (model / lastWeek - 1))));
    }
    desk.runNow(asOf);
    return rows;
  }
}
