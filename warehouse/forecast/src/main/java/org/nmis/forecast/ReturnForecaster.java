package org.nmis.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The return-journey forecast of one corridor: the damped-trend smoothing of its travellers per day
 * (weekday rhythm taken out and put back), plus what is already registered for each coming day (see
 * {@link LeadTimes}), with intervals from the backtest's errors ({@link Intervals}).
 */
public final class ReturnForecaster {
  private final Smoothing smoothing;

  public ReturnForecaster(Smoothing smoothing) {
    this.smoothing = smoothing;
  }

  /** The smoothing's expected travellers for the {@code days} days after {@code asOf}. */
  public double[] expected(DailyCounts history, LocalDate asOf, int days, WeekdayFactors weekdays) {
    DailyCounts known = history.until(asOf);
    double[] v = known.values();
    for (int t = 0; t < v.length; t++) {
      v[t] /= weekdays.of(known.start().plusDays(t));
    }
    Smoothing.State state = smoothing.fit(v);
    double[] out = new double[days];
    for (int h = 1; h <= days; h++) {
      out[h - 1] = state.ahead(h, smoothing.phi()) * weekdays.of(asOf.plusDays(h));
    }
    return out;
  }

  /**
   * Day by day for {@code days} days after {@code asOf}: {@code registered} holds what was
   * registered for a coming day by {@code asOf}.
   */
  public List<DayForecast> forecast(
      DailyCounts history,
      LocalDate asOf,
      int days,
      WeekdayFactors weekdays,
      Intervals intervals,
      Map<LocalDate, Double> registered,
      LeadTimes leadTimes) {
    double[] base = expected(history, asOf, days, weekdays);
    List<DayForecast> out = new ArrayList<>(days);
    for (int h = 1; h <= days; h++) {
      LocalDate day = asOf.plusDays(h);
      double known = registered.getOrDefault(day, 0.0);
      double expected = known + base[h - 1] * (1 - leadTimes.at(h));
      out.add(intervals.around(day, h, expected, known));
    }
    return out;
  }
}
