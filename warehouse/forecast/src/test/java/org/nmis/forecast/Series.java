package org.nmis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Canonical test series: Poisson counts around a known level, trend and weekly rhythm. */
final class Series {
  static final LocalDate START = LocalDate.of(2020, 5, 1);

  private Series() {}

  /** {@code days} days around {@code level + slope * t}, weekends busier by {@code weekend}. */
  static DailyCounts poisson(long seed, int days, double level, double slope, double weekend) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] v = new double[days];
    for (int t = 0; t < days; t++) {
      DayOfWeek d = START.plusDays(t).getDayOfWeek();
      double mean = Math.max(0, level + slope * t);
      if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
        mean *= weekend;
      }
      v[t] = poisson(random, mean);
    }
    return new DailyCounts(START, v);
  }

  /** Corridors of different sizes, all with the same rhythm. */
  static List<DailyCounts> corridors(int n, int days, double slope, double weekend) {
    List<DailyCounts> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double level = 20 + 30 * i;
      out.add(poisson(1000 + i, days, level, slope * level / 100, weekend));
    }
    return out;
  }

  private static double poisson(SplittableRandom r, double mean) {
    if (mean > 50) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(r)));
    }
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= r.nextDouble();
    } while (p > l);
    return k - 1;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
