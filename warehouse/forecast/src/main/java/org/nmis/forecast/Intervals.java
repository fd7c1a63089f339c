package org.nmis.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecast intervals from the backtest's own errors: at each horizon, the 2.5%, 10%, 90% and 97.5%
 * quantiles of log((actual + 1) / (forecast + 1)) over the corridors and origins whose forecast was
 * of the same size (under 5, 5 to 50, over 50 travellers a day: a corridor of one or two people a
 * day errs far more, relatively, than one of hundreds). An 80% interval is then the range the
 * model's errors at that horizon and size stayed within 80% of the time. A size with fewer than 20
 * errors at a horizon uses all sizes together; horizons past the last measured one use the last.
 */
public final class Intervals {
  private static final double[] LEVELS = {0.025, 0.10, 0.90, 0.975};

  /** Upper ends of the size bands, in expected travellers a day. */
  private static final double[] BANDS = {5, 50, Double.POSITIVE_INFINITY};

  /** One backtest error: what was forecast {@code horizon} days ahead, and what happened. */
  public record Error(int horizon, double forecast, double actual) {
    double logRatio() {
      return Math.log((actual + 1) / (forecast + 1));
    }
  }

  /** Quantiles per horizon (index h - 1): low95, low80, high80, high95 of the log ratio. */
  private final double[][] byHorizon;

  /** The same per size band; null where a band had too few errors. */
  private final double[][][] byBand;

  private Intervals(double[][] byHorizon, double[][][] byBand) {
    this.byHorizon = byHorizon;
    this.byBand = byBand;
  }

  /** From the backtest's errors up to {@code horizons} days ahead. */
  public static Intervals fromErrors(List<Error> errors, int horizons) {
    List<List<Double>> all = new ArrayList<>();
    List<List<List<Double>>> banded = new ArrayList<>();
    for (int b = 0; b < BANDS.length; b++) {
      banded.add(new ArrayList<>());
    }
    for (int h = 0; h < horizons; h++) {
      all.add(new ArrayList<>());
      for (List<List<Double>> band : banded) {
        band.add(new ArrayList<>());
      }
    }
    for (Error e : errors) {
      if (e.horizon() >= 1 && e.horizon() <= horizons) {
        all.get(e.horizon() - 1).add(e.logRatio());
        banded.get(band(e.forecast())).get(e.horizon() - 1).add(e.logRatio());
      }
    }
    double[][][] byBand = new double[BANDS.length][][];
    for (int b = 0; b < BANDS.length; b++) {
      byBand[b] = quantiles(banded.get(b), false);
    }
    return new Intervals(quantiles(all, true), byBand);
  }

  private static int band(double expected) {
    int b = 0;
    while (expected >= BANDS[b]) {
      b++;
    }
    return b;
  }

  /**
   * Quantiles per horizon; a horizon with fewer than 20 errors borrows the previous one's when
   * {@code borrow} (the pooled table), else stays null (a band falls back to the pooled table).
   */
  private static double[][] quantiles(List<List<Double>> logErrorsByHorizon, boolean borrow) {
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
        q[h] = borrow && h > 0 ? q[h - 1] : null;
      }
    }
    return q;
  }

  /** No backtest yet: Poisson noise only (mean +- 1.28 or 1.96 standard deviations). */
  public static Intervals poissonOnly() {
    return new Intervals(new double[0][], new double[BANDS.length][0][]);
  }

  /** The forecast of a day with its intervals, never below what is already known. */
  public DayForecast around(java.time.LocalDate date, int horizon, double expected, double known) {
    double[][] band = byBand[band(expected)];
    double[] q =
        horizon - 1 < band.length && band[horizon - 1] != null
            ? band[horizon - 1]
            : horizon - 1 < byHorizon.length ? byHorizon[horizon - 1] : last();
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
}
