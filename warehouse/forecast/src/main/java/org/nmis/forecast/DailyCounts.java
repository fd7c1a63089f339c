package org.nmis.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Travellers per day of one corridor, from {@code start}, one value a day with no gaps (a day
 * without registrations is 0). Immutable.
 */
public record DailyCounts(LocalDate start, double[] values) {

  public DailyCounts {
    if (start == null || values == null) {
      throw new IllegalArgumentException("NMIS-FCT-101: a series needs a start date and values");
    }
    for (double v : values) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(
            "NMIS-FCT-102: travellers per day are counts; got " + v + " in a series from " + start);
      }
    }
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  /** The last day of the series. */
  public LocalDate end() {
    return start.plusDays(values.length - 1L);
  }

  /** The value of a day; 0 outside the series. */
  public double at(LocalDate day) {
    long i = ChronoUnit.DAYS.between(start, day);
    return i < 0 || i >= values.length ? 0 : values[(int) i];
  }

  /** The series up to and including {@code day} (what was known once that day had passed). */
  public DailyCounts until(LocalDate day) {
    long n = ChronoUnit.DAYS.between(start, day) + 1;
    return new DailyCounts(
        start, Arrays.copyOf(values, (int) Math.max(0, Math.min(n, values.length))));
  }

  /** Day by day sum of several series, from the earliest start to the latest end. */
  public static DailyCounts sum(java.util.Collection<DailyCounts> series) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("NMIS-FCT-112: nothing to add up");
    }
    LocalDate first = series.stream().map(DailyCounts::start).min(LocalDate::compareTo).get();
    LocalDate last = series.stream().map(DailyCounts::end).max(LocalDate::compareTo).get();
    double[] total = new double[(int) ChronoUnit.DAYS.between(first, last) + 1];
    for (DailyCounts s : series) {
      int offset = (int) ChronoUnit.DAYS.between(first, s.start);
      for (int i = 0; i < s.values.length; i++) {
        total[offset + i] += s.values[i];
      }
    }
    return new DailyCounts(first, total);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DailyCounts d && start.equals(d.start) && Arrays.equals(values, d.values);
  }

  @Override
  public int hashCode() {
    return 31 * start.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "DailyCounts[" + start + ", " + values.length + " days]";
  }
}
