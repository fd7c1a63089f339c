package org.nmis.movement;

import org.nmis.model.errors.ProblemType;

/**
 * Stable codes of every error the movement workflow raises, each with the kind the web layer maps
 * to an HTTP status. Clients build on these codes: never renumber one, add new codes instead. Codes
 * from NMIS-MOV-101 on are not the caller's fault (missing tables, broken event logs, bad key
 * configuration) and are raised as IllegalStateException or IllegalArgumentException.
 */
public enum MovementError implements ProblemType {
  ROLE_NOT_PERMITTED(1, Kind.FORBIDDEN),
  OUTSIDE_JURISDICTION(2, Kind.FORBIDDEN),
  TRANSITION_NOT_ALLOWED(3, Kind.CONFLICT),
  VERSION_MISMATCH(4, Kind.CONFLICT),
  PERSON_ALREADY_BOOKED(5, Kind.CONFLICT),
  MISSING_VALUE(6, Kind.INVALID_INPUT),
  TEXT_TOO_LONG(7, Kind.INVALID_INPUT),
  NO_PASSENGERS(8, Kind.INVALID_INPUT),
  DUPLICATE_PASSENGER(9, Kind.INVALID_INPUT),
  UNKNOWN_STATE(10, Kind.INVALID_INPUT),
  SAME_ORIGIN_AND_DESTINATION(11, Kind.INVALID_INPUT),
  UNKNOWN_STATION(12, Kind.INVALID_INPUT),
  STATION_IN_WRONG_STATE(13, Kind.INVALID_INPUT),
  DATE_IN_THE_PAST(14, Kind.INVALID_INPUT),
  REASON_REQUIRED(15, Kind.INVALID_INPUT),
  NOC_REQUIRED(16, Kind.INVALID_INPUT),
  INVALID_CAPACITY(17, Kind.INVALID_INPUT),
  INVALID_ACCEPTED_PERSONS(18, Kind.INVALID_INPUT),
  INVALID_TRAIN_NUMBER(19, Kind.INVALID_INPUT),
  TRAIN_BEFORE_ACCEPTANCE(20, Kind.INVALID_INPUT),
  UNKNOWN_LAYOUT(21, Kind.INVALID_INPUT),
  INVALID_RAKE(22, Kind.INVALID_INPUT),
  RAKE_TOO_SMALL(23, Kind.INVALID_INPUT),
  PASSENGERS_NOT_ACCEPTED(24, Kind.INVALID_INPUT),
  NOT_A_TRAIN_REQUEST(25, Kind.CONFLICT),
  BEFORE_TRAIN_DATE(26, Kind.CONFLICT);

  /** What the caller did wrong, which decides the HTTP status. */
  public enum Kind {
    FORBIDDEN(403),
    CONFLICT(409),
    INVALID_INPUT(400);

    private final int httpStatus;

    Kind(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  private final String code;
  private final Kind kind;

  MovementError(int number, Kind kind) {
    this.code = String.format("NMIS-MOV-%03d", number);
    this.kind = kind;
  }

  /** For example {@code NMIS-MOV-003}. */
  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return kind.httpStatus();
  }

  public Kind kind() {
    return kind;
  }
}
