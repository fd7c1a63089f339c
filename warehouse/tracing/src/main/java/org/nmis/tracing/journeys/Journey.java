package org.nmis.tracing.journeys;

import java.time.LocalDate;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.TravelMode;

/**
 * One trip of one person. {@code vehicle} is the train number of a manifested journey or the
 * vehicle reference as registered (null when the registration names none). {@code seat}, the
 * stations and {@code requestId} are null unless the journey is manifested; {@code
 * originDistrictCode} is null when neither the request nor the registration names it. {@code
 * partySize} counts the registrant and the companions on this journey.
 */
public record Journey(
    JourneySource source,
    TravelMode mode,
    LocalDate date,
    String vehicle,
    Seat seat,
    int originStateCode,
    Integer originDistrictCode,
    String originStation,
    int destinationStateCode,
    int destinationDistrictCode,
    String destinationStation,
    RequestId requestId,
    int partySize) {

  public boolean isManifested() {
    return source == JourneySource.MANIFEST;
  }
}
