package org.nmis.bench;

import static org.nmis.bench.WarehouseBenchmark.row;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nmis.api.forecast.ForecastDesk;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.forecast.Backtest;

/**
 * The forecast job on the benchmark's data (issue 16): the whole run (Spark reads of od_flows,
 * registrations and manifests, the backtest, the forecast, the capacity plan, the Delta writes)
 * timed cold and warm, and the backtest's accuracy per horizon against the two naive baselines.
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
    return rows;
  }
}
