package org.nmis.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rolling-origin backtest: from weekly origins, each series is forecast with only what was known at
 * the origin, up to {@code horizon} days ahead, and compared with what happened, beside two naive
 * forecasts a planner would otherwise use: the average of the last seven days ("last week's value")
 * and the same weekday of the last week ("same weekday last week"). The earlier half of the origins
 * calibrates the intervals; the later half measures how often they held.
 */
public final class Backtest {
  /** Accuracy of one method at one horizon. */
  public record Accuracy(double mae, double mape, long points) {}

  /** Horizon h (1-based): the model and the two baselines; how often the intervals held. */
  public record HorizonRow(
      int horizon,
      Accuracy model,
      Accuracy lastWeek,
      Accuracy sameWeekday,
      double coverage80,
      double coverage95) {}

  /** The backtest's outcome and the intervals it calibrated. */
  public record Report(List<HorizonRow> rows, Intervals intervals, int origins, int series) {}

  private final ReturnForecaster forecaster;
  private final int horizon;
  private final int weekdayWeeks;

  public Backtest(ReturnForecaster forecaster, int horizon, int weekdayWeeks) {
    this.forecaster = forecaster;
    this.horizon = horizon;
    this.weekdayWeeks = weekdayWeeks;
  }

  /**
   * Runs from {@code origins} weekly origins ending {@code horizon} days before {@code end}; the
   * earliest origin leaves at least three weeks of history.
   */
  public Report run(Collection<DailyCounts> series, LocalDate start, LocalDate end, int origins) {
    List<LocalDate> at = new ArrayList<>();
    for (int i = 0; i < origins; i++) {
      LocalDate o = end.minusDays(horizon + 7L * i);
      if (!o.isBefore(start.plusDays(21))) {
        at.add(0, o);
      }
    }
    int calibrate = Math.max(1, at.size() / 2);
    List<Intervals.Error> calibration = new ArrayList<>();
    List<List<double[]>> points =
        new ArrayList<>(); // per horizon: actual, model, last week, same wd
    List<List<double[]>> heldOut = new ArrayList<>(); // per horizon: actual, model
    for (int h = 0; h < horizon; h++) {
      points.add(new ArrayList<>());
      heldOut.add(new ArrayList<>());
    }
    for (int i = 0; i < at.size(); i++) {
      LocalDate origin = at.get(i);
      WeekdayFactors weekdays = WeekdayFactors.pooled(series, origin, weekdayWeeks);
      for (DailyCounts s : series) {
        double[] model = forecaster.expected(s, origin, horizon, weekdays);
        double lastWeek = 0;
        for (int d = 0; d < 7; d++) {
          lastWeek += s.at(origin.minusDays(d)) / 7;
        }
        for (int h = 1; h <= horizon; h++) {
          LocalDate day = origin.plusDays(h);
          double actual = s.at(day);
          double sameWeekday = s.at(day.minusDays(7L * ((h + 6) / 7)));
          points.get(h - 1).add(new double[] {actual, model[h - 1], lastWeek, sameWeekday});
          if (i < calibrate) {
            calibration.add(new Intervals.Error(h, model[h - 1], actual));
          } else {
            heldOut.get(h - 1).add(new double[] {actual, model[h - 1]});
          }
        }
      }
    }
    Intervals intervals = Intervals.fromErrors(calibration, horizon);
    List<HorizonRow> rows = new ArrayList<>();
    for (int h = 1; h <= horizon; h++) {
      List<double[]> p = points.get(h - 1);
      int covered80 = 0;
      int covered95 = 0;
      for (double[] x : heldOut.get(h - 1)) {
        DayForecast f = intervals.around(end, h, x[1], 0);
        covered80 += x[0] >= f.low80() && x[0] <= f.high80() ? 1 : 0;
        covered95 += x[0] >= f.low95() && x[0] <= f.high95() ? 1 : 0;
      }
      int n = Math.max(1, heldOut.get(h - 1).size());
      rows.add(
          new HorizonRow(
              h,
              accuracy(p, 1),
              accuracy(p, 2),
              accuracy(p, 3),
              (double) covered80 / n,
              (double) covered95 / n));
    }
    return new Report(rows, intervals, at.size(), series.size());
  }

  /** MAE over every point; MAPE over the points with at least one traveller (a 0 has no %). */
  private static Accuracy accuracy(List<double[]> points, int method) {
    double abs = 0;
    double pct = 0;
    long withActual = 0;
    for (double[] p : points) {
      double e = Math.abs(p[0] - p[method]);
      abs += e;
      if (p[0] >= 1) {
        pct += e / p[0];
        withActual++;
      }
    }
    return new Accuracy(
        points.isEmpty() ? 0 : abs / points.size(),
        withActual == 0 ? 0 : 100 * pct / withActual,
        points.size());
  }
}
