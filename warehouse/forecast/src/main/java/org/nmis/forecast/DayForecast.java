package org.nmis.forecast;

import java.time.LocalDate;

/**
 * Expected travellers of one corridor on one day, {@code horizon} days after the forecast's as-of
 * date, with 80% and 95% intervals; {@code known} of them had registered for that day by the as-of
 * date.
 */
public record DayForecast(
    LocalDate date,
    int horizon,
    double expected,
    double low80,
    double high80,
    double low95,
    double high95,
    double known) {

  public DayForecast {
    if (!(low95 <= low80 && low80 <= expected && expected <= high80 && high80 <= high95)) {
      throw new IllegalArgumentException(
          "NMIS-FCT-105: intervals must nest around the expected value on "
              + date
              + ": "
              + low95
              + " <= "
              + low80
              + " <= "
              + expected
              + " <= "
              + high80
              + " <= "
              + high95);
    }
  }
}
