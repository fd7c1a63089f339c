package org.nmis.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The destination state's no-objection certificate for an accepted movement request.
 *
 * @param registrations registrations accepted; {@code acceptedPersons} counts them with the people
 *     travelling with them
 * @param acceptedByDistrict accepted persons by the destination district they go to
 * @param quarantineCapacity beds ready for them, as the destination declared; null if not given
 */
public record NocLetter(
    String nocNumber,
    String issuingState,
    String requestingState,
    String requestId,
    LocalDate issuedOn,
    LocalDate proposedDate,
    String travelMode,
    int registrations,
    int acceptedPersons,
    Integer quarantineCapacity,
    String facilityNotes,
    List<Count> acceptedByDistrict,
    Instant generatedAt,
    String generatedBy) {

  public NocLetter {
    Checks.text(nocNumber, "the NOC number");
    Checks.text(issuingState, "the issuing state");
    Checks.text(requestingState, "the requesting state");
    Checks.text(requestId, "the request ID");
    Checks.text(generatedBy, "who generated it");
    if (issuedOn == null || generatedAt == null) {
      throw new IllegalArgumentException("an NOC needs the date it was issued");
    }
    if (acceptedPersons <= 0) {
      throw new IllegalArgumentException("NOC " + nocNumber + " accepts nobody");
    }
    facilityNotes = facilityNotes == null ? "" : facilityNotes;
    travelMode = travelMode == null ? "" : travelMode;
    acceptedByDistrict = List.copyOf(acceptedByDistrict);
  }
}
