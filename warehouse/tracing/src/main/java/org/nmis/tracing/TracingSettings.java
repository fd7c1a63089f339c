package org.nmis.tracing;

import java.time.Period;

/**
 * What a deployment may tune. {@code followUp} is added to a contact's last exposure to give the
 * date until which the health team follows them up; {@code nameResults} caps a lookup by name;
 * {@code maxIndexCases} caps one bulk job, which keeps a job's time and memory bounded.
 */
public record TracingSettings(Period followUp, int nameResults, int maxIndexCases) {
  /** Fourteen days: the incubation period the 2020 guidelines used for co-travellers. */
  public static final Period DEFAULT_FOLLOW_UP = Period.ofDays(14);

  public static final int DEFAULT_NAME_RESULTS = 50;
  public static final int DEFAULT_MAX_INDEX_CASES = 10_000;

  public TracingSettings {
    if (followUp == null || followUp.isNegative()) {
      throw new IllegalArgumentException(
          "NMIS-TRC-102: the follow-up period is "
              + followUp
              + "; configure a"
              + " period of zero or more days, for example P14D");
    }
    if (nameResults < 1 || maxIndexCases < 1) {
      throw new IllegalArgumentException(
          "NMIS-TRC-102: name results ("
              + nameResults
              + ") and the most index"
              + " cases of a bulk job ("
              + maxIndexCases
              + ") must be at least 1; configure positive limits");
    }
  }

  public static TracingSettings defaults() {
    return new TracingSettings(DEFAULT_FOLLOW_UP, DEFAULT_NAME_RESULTS, DEFAULT_MAX_INDEX_CASES);
  }

  public TracingSettings withFollowUp(Period period) {
    return new TracingSettings(period, nameResults, maxIndexCases);
  }
}
