package org.nmis.sms.alerts;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The train a manifest puts travellers on: the request it serves, number, date, boarding station
 * (its name as travellers know it) and the time to report there (IST).
 */
public record Journey(
    String requestId, String train, LocalDate date, String station, LocalTime reportBy) {

  public Journey {
    if (requestId == null || train == null || date == null || station == null || reportBy == null) {
      throw new IllegalArgumentException(
          "NMIS-SMS-121: a journey needs a request, a train, a date, a station and a reporting time");
    }
  }
}
