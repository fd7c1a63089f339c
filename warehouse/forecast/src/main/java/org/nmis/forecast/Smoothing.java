package org.nmis.forecast;

/**
 * Damped-trend exponential smoothing (Gardner and McKenzie): a level, a trend that fades by {@code
 * phi} a day, each updated from the day's value with weights {@code alpha} and {@code beta}. A
 * planner reads it as "recent travellers a day, rising or falling by this much, the rise fading
 * over a couple of weeks". Values are first divided by their weekday's factor, so the smoothing
 * sees the demand without its weekly rhythm.
 */
public record Smoothing(double alpha, double beta, double phi) {
  /** Defaults chosen by the rolling-origin backtest (docs/FORECAST.md). */
  public static final Smoothing DEFAULT = new Smoothing(0.3, 0.05, 0.9);

  public Smoothing {
    if (!(alpha > 0 && alpha <= 1) || !(beta >= 0 && beta <= 1) || !(phi > 0 && phi <= 1)) {
      throw new IllegalArgumentException(
          "NMIS-FCT-103: smoothing weights alpha in (0, 1], beta in [0, 1] and damping phi in (0, 1];"
              + " got "
              + alpha
              + ", "
              + beta
              + ", "
              + phi);
    }
  }

  /** Where the smoothing stands after the last day: level and trend. */
  public record State(double level, double trend) {
    /**
     * The expected value {@code h} days ahead (h >= 1), before the weekday factor; never below 0.
     */
    public double ahead(int h, double phi) {
      double damped = 0;
      double f = 1;
      for (int i = 1; i <= h; i++) {
        f *= phi;
        damped += f;
      }
      return Math.max(0, level + damped * trend);
    }
  }

  /**
   * Runs the smoothing over deseasonalised values. Starts from the mean of the first week and the
   * change between the first two weeks; an empty series stands at 0. With {@code beta} 0 there is
   * no trend at all (simple exponential smoothing), not a first trend kept for ever.
   */
  public State fit(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new State(0, 0);
    }
    int w = Math.min(7, n);
    double level = mean(values, 0, w);
    double trend = n >= 14 && beta > 0 ? (mean(values, 7, 14) - level) / 7 : 0;
    for (int t = w; t < n; t++) {
      double previous = level;
      level = alpha * values[t] + (1 - alpha) * (previous + phi * trend);
      trend = beta * (level - previous) + (1 - beta) * phi * trend;
    }
    return new State(level, trend);
  }

  private static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }
}
