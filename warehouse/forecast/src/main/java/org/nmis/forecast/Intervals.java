package org.nmis.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecast intervals from the backtest's own errors: at each horizon, the 2.5%, 10%, 90% and 97.5%
 * quantiles of log((actual + 1) / (forecast + 1)) over every corridor and origin. An 80% interval
 * is then the range the model's errors at that horizon stayed within 80% of the time; scale-free,
 * so small and large corridors share them. Horizons past the last measured one use the last.
 */
public final class Intervals {
  private static final double[] LEVELS = {0.025, 0.10, 0.90, 0.975};

  /** Quantiles per horizon (index h - 1): low95, low80, high80, high95 of the log ratio. */
  private final double[][] byHorizon;

  private Intervals(double[][] byHorizon) {
    this.byHorizon = byHorizon;
  }

  /**
   * From log ratios collected per horizon; a horizon with fewer than 20 errors borrows the previous
   * one's quantiles (and the first falls back to a Poisson-like +-2/sqrt rule inside {@link
   * #around}).
   */
  public static Intervals fromLogErrors(List<List<Double>> logErrorsByHorizon) {
    double[][] q = new double[logErrorsByHorizon.size()][];
    for (int h = 0; h < q.length; h++) {
      List<Double> e = logErrorsByHorizon.get(h);
      if (e.size() >= 20) {
        double[] sorted = e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        q[h] = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
          q[h][i] = quantile(sorted, LEVELS[i]);
        }
      } else {
        q[h] = h > 0 ? q[h - 1] : null;
      }
    }
    return new Intervals(q);
  }

  /** No backtest yet: Poisson noise only (mean +- 1.28 or 1.96 standard deviations). */
  public static Intervals poissonOnly() {
    return new Intervals(new double[0][]);
  }

  /** The forecast of a day with its intervals, never below what is already known. */
  public DayForecast around(java.time.LocalDate date, int horizon, double expected, double known) {
    double[] q = horizon - 1 < byHorizon.length ? byHorizon[horizon - 1] : last();
    double lo95;
    double lo80;
    double hi80;
    double hi95;
    if (q == null) {
      double sd = Math.sqrt(Math.max(expected, 1));
      lo95 = expected - 1.96 * sd;
      lo80 = expected - 1.28 * sd;
      hi80 = expected + 1.28 * sd;
      hi95 = expected + 1.96 * sd;
    } else {
      lo95 = (expected + 1) * Math.exp(q[0]) - 1;
      lo80 = (expected + 1) * Math.exp(q[1]) - 1;
      hi80 = (expected + 1) * Math.exp(q[2]) - 1;
      hi95 = (expected + 1) * Math.exp(q[3]) - 1;
    }
    double floor = Math.max(0, known);
    double e = Math.max(expected, floor);
    lo95 = clamp(lo95, floor, e);
    lo80 = clamp(lo80, lo95, e);
    hi80 = Math.max(hi80, e);
    hi95 = Math.max(hi95, hi80);
    return new DayForecast(date, horizon, e, lo80, hi80, lo95, hi95, known);
  }

  private double[] last() {
    for (int h = byHorizon.length - 1; h >= 0; h--) {
      if (byHorizon[h] != null) {
        return byHorizon[h];
      }
    }
    return null;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int i = (int) Math.floor(pos);
    int j = Math.min(i + 1, sorted.length - 1);
    return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
  }

  /** The quantiles per horizon, for the documentation. */
  public List<double[]> table() {
    List<double[]> out = new ArrayList<>();
    for (double[] q : byHorizon) {
      out.add(q == null ? null : Arrays.copyOf(q, q.length));
    }
    return out;
  }
}
