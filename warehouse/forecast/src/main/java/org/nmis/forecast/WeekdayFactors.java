package org.nmis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;

/**
 * How much busier each weekday is than the average day, pooled over every corridor's last {@code
 * weeks} full weeks (a small corridor's own weekdays are mostly noise). 1.0 everywhere when there
 * is no weekly rhythm; each factor kept within [0.5, 2].
 */
public record WeekdayFactors(double[] factors) {
  public static final WeekdayFactors NONE = new WeekdayFactors(new double[] {1, 1, 1, 1, 1, 1, 1});

  public WeekdayFactors {
    if (factors == null || factors.length != 7) {
      throw new IllegalArgumentException("NMIS-FCT-104: a factor for each of the 7 weekdays");
    }
    factors = factors.clone();
  }

  public double of(LocalDate day) {
    return factors[day.getDayOfWeek().getValue() - 1];
  }

  public double of(DayOfWeek day) {
    return factors[day.getValue() - 1];
  }

  /** Pooled over the series' last {@code weeks} weeks up to and including {@code asOf}. */
  public static WeekdayFactors pooled(Collection<DailyCounts> series, LocalDate asOf, int weeks) {
    double[] sums = new double[7];
    double total = 0;
    for (DailyCounts s : series) {
      // Whole weeks inside the series only: a day before it began is no evidence of a quiet day.
      int days =
          (int)
              Math.min(weeks * 7L, java.time.temporal.ChronoUnit.DAYS.between(s.start(), asOf) + 1);
      for (int i = 0; i < days / 7 * 7; i++) {
        LocalDate day = asOf.minusDays(i);
        double v = s.at(day);
        sums[day.getDayOfWeek().getValue() - 1] += v;
        total += v;
      }
    }
    if (total <= 0) {
      return NONE;
    }
    double[] f = new double[7];
    for (int d = 0; d < 7; d++) {
      f[d] = Math.max(0.5, Math.min(2, sums[d] * 7 / total));
    }
    return new WeekdayFactors(f);
  }
}
