package org.nmis.movement.request;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.TravelMode;

/**
 * What the origin side asks for, and may change while the request is a draft: the destination
 * state, the people (person IDs), a proposed date, the mode and, for trains, the origin station
 * code.
 */
public record Proposal(
    int destinationStateCode,
    List<PersonId> passengers,
    LocalDate proposedDate,
    TravelMode mode,
    String originStationCode)
    implements EventDetails {

  public Proposal {
    passengers = passengers == null ? List.of() : List.copyOf(passengers);
    originStationCode =
        originStationCode == null || originStationCode.isBlank()
            ? null
            : originStationCode.strip().toUpperCase(Locale.ROOT);
  }
}
