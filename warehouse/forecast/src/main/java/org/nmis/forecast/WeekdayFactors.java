package org.nmis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * How much busier each weekday is than the days around it, pooled over every corridor's last {@code
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

  /**
   * Pooled over the series' last {@code weeks} whole weeks that end three days before {@code asOf}:
   * each day's value against the centred 7-day average around it (a ratio to moving average), so
   * that a rise or fall over the weeks is not read as a busy or quiet weekday. Summed over all
   * corridors before dividing, so the big corridors weigh most; scaled to average 1.
   */
  public static WeekdayFactors pooled(Collection<DailyCounts> series, LocalDate asOf, int weeks) {
    double[] values = new double[7];
    double[] averages = new double[7];
    LocalDate last = asOf.minusDays(3); // the last day with three known days after it
    for (DailyCounts s : series) {
      // Whole weeks whose days have three days of the series either side: a day before the series
      // began is no evidence of a quiet day.
      long inside = ChronoUnit.DAYS.between(s.start().plusDays(3), last) + 1;
      int days = (int) (Math.max(0, Math.min(weeks * 7L, inside)) / 7 * 7);
      for (int i = 0; i < days; i++) {
        LocalDate day = last.minusDays(i);
        double around = 0;
        for (int k = -3; k <= 3; k++) {
          around += s.at(day.plusDays(k));
        }
        values[day.getDayOfWeek().getValue() - 1] += s.at(day);
        averages[day.getDayOfWeek().getValue() - 1] += around / 7;
      }
    }
    double[] f = new double[7];
    double mean = 0;
    for (int d = 0; d < 7; d++) {
      if (averages[d] <= 0) {
        return NONE;
      }
      f[d] = values[d] / averages[d];
      mean += f[d] / 7;
    }
    for (int d = 0; d < 7; d++) {
      f[d] = Math.max(0.5, Math.min(2, f[d] / mean));
    }
    return new WeekdayFactors(f);
  }
}
