package org.nmis.forecast;

import java.time.LocalDate;

/**
 * Quarantine places a destination state declared when it accepted a movement request, attributed to
 * one destination district of the request's travellers (in proportion to the persons going there),
 * for people travelling on {@code travelDate}.
 */
public record DeclaredPlaces(Destination destination, LocalDate travelDate, double places) {
  public DeclaredPlaces {
    if (destination == null || travelDate == null || !(places >= 0)) {
      throw new IllegalArgumentException(
          "NMIS-FCT-109: declared quarantine places need a district, a travel date and a number of"
              + " places of zero or more; got "
              + destination
              + ", "
              + travelDate
              + ", "
              + places);
    }
  }
}
