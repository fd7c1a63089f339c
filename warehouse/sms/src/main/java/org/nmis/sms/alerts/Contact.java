package org.nmis.sms.alerts;

import java.time.LocalDate;

/** An exposed person of a tracing job to be told to stay home until {@code until}. */
public record Contact(
    String personId,
    String name,
    String mobile,
    int destinationStateCode,
    int destinationDistrictCode,
    LocalDate until) {

  public Contact {
    if (personId == null || mobile == null || until == null) {
      throw new IllegalArgumentException(
          "NMIS-SMS-122: a contact needs a person ID, a mobile and a date to stay home until");
    }
  }
}
