package org.nmis.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One traveller's e-pass as a card to print or show: who, which train, coach and berth, when it is
 * valid, and the signed token as a QR code that {@code POST /api/v1/epasses/verify} accepts. {@code
 * revokedBecause} is null for a pass in force; a revoked pass prints the reason across it.
 */
public record EPassCard(
    String passId,
    String travellerId,
    String name,
    Integer age,
    String gender,
    String trainNumber,
    LocalDate date,
    String originStation,
    String destinationStation,
    String destinationDistrict,
    String coach,
    int berth,
    Instant validFrom,
    Instant validUntil,
    String revokedBecause,
    String token) {

  public EPassCard {
    Checks.text(passId, "the pass ID");
    Checks.text(travellerId, "the traveller");
    Checks.text(trainNumber, "the train number");
    Checks.text(coach, "the coach");
    Checks.text(token, "the signed token");
    if (date == null || validFrom == null || validUntil == null) {
      throw new IllegalArgumentException("e-pass " + passId + " needs its date and validity");
    }
    name = name == null ? "" : name;
    destinationDistrict = destinationDistrict == null ? "" : destinationDistrict;
  }
}
