package org.nmis.tracing;

/**
 * Stable codes of every error tracing raises towards a caller, each with the HTTP status the web layer answers.
 * Clients build on these codes: never renumber one, add new codes instead. Codes from NMIS-TRC-101 on are not the
 * caller's fault (inconsistent manifests, bad settings) and are raised as IllegalArgumentException.
 */
public enum TracingError {
  UNKNOWN_PERSON(1, 404),
  INVALID_PERSON_ID(2, 400),
  INVALID_MOBILE(3, 400),
  INVALID_NAME_QUERY(4, 400),
  UNKNOWN_DISTRICT(5, 400),
  INVALID_DATE_WINDOW(6, 400),
  NO_INDEX_CASES(7, 400),
  TOO_MANY_INDEX_CASES(8, 400),
  RATE_LIMITED(9, 429);

  private final String code;
  private final int httpStatus;

  TracingError(int number, int httpStatus) {
    this.code = String.format("NMIS-TRC-%03d", number);
    this.httpStatus = httpStatus;
  }

  /** For example {@code NMIS-TRC-001}. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
