package org.nmis.forecast;

/**
 * How far ahead people register: {@code completion[L]} is the share of a day's final registrations
 * already present {@code L} days before it, pooled over corridors and days. The forecast of a day
 * that already has registrations adds to them what the smoothing expects, scaled by the share still
 * to come (the Bornhuetter-Ferguson rule of claims reserving: known + prior x (1 - completion)).
 */
public record LeadTimes(double[] completion) {
  /** No history of registration dates: nothing is known in advance. */
  public static final LeadTimes NONE = new LeadTimes(new double[] {0});

  public LeadTimes {
    if (completion == null || completion.length == 0) {
      throw new IllegalArgumentException("NMIS-FCT-106: completion needs at least lead time 0");
    }
    for (int i = 0; i < completion.length; i++) {
      if (!(completion[i] >= 0 && completion[i] <= 1)
          || (i > 0 && completion[i] > completion[i - 1] + 1e-12)) {
        throw new IllegalArgumentException(
            "NMIS-FCT-107: completion is a share that falls with the lead time; at "
                + i
                + " days it is "
                + completion[i]);
      }
    }
    completion = completion.clone();
  }

  /** The share registered at least {@code days} ahead (0 beyond the longest lead time seen). */
  public double at(int days) {
    return days < completion.length ? completion[Math.max(0, days)] : 0;
  }

  /**
   * From counts of registrations by lead time (index: days between registering and travelling;
   * negative leads, registered after the day, are left out by the caller).
   */
  public static LeadTimes fromCounts(long[] byLead) {
    long total = 0;
    for (long c : byLead) {
      total += c;
    }
    if (total == 0) {
      return NONE;
    }
    double[] completion = new double[byLead.length];
    long atLeast = total;
    for (int l = 0; l < byLead.length; l++) {
      completion[l] = (double) atLeast / total;
      atLeast -= byLead[l];
    }
    return new LeadTimes(completion);
  }
}
