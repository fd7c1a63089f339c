package org.nmis.movement.epass;

import java.time.Instant;
import java.time.LocalDate;
import org.nmis.model.ids.RequestId;

/**
 * What an e-pass says: which traveller (a person ID, or a companion's {@code <personId>+n}) may
 * board which train, coach and berth on which date, under which request, and the window in which
 * the pass is valid. Times are whole seconds. {@code version} is the claims format, {@link
 * #CURRENT_VERSION}.
 */
public record EPassClaims(
    int version,
    String passId,
    String travellerId,
    RequestId requestId,
    String trainNumber,
    LocalDate date,
    String coach,
    int berth,
    Instant issuedAt,
    Instant validFrom,
    Instant validUntil) {
  public static final int CURRENT_VERSION = 1;

  public EPassClaims {
    if (passId == null
        || travellerId == null
        || requestId == null
        || trainNumber == null
        || date == null
        || coach == null
        || issuedAt == null
        || validFrom == null
        || validUntil == null) {
      throw new IllegalArgumentException(
          "an e-pass needs every claim: "
              + passId
              + ", "
              + travellerId
              + ", "
              + requestId
              + ", "
              + trainNumber
              + ", "
              + date
              + ", "
              + coach
              + ", "
              + issuedAt
              + ", "
              + validFrom
              + ", "
              + validUntil);
    }
    if (!validFrom.isBefore(validUntil)) {
      throw new IllegalArgumentException(
          "an e-pass valid from " + validFrom + " must end after that, not at " + validUntil);
    }
  }
}
