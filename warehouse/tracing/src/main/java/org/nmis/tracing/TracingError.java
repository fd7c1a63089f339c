package org.nmis.tracing;

import org.nmis.model.errors.ProblemType;

/**
 * Stable codes of every error tracing raises towards a caller, each with the HTTP status the web
 * layer answers. Clients build on these codes: never renumber one, add new codes instead. Codes
 * from NMIS-TRC-101 on are not the caller's fault (inconsistent manifests, bad settings) and are
 * raised as IllegalArgumentException.
 */
public enum TracingError implements ProblemType {
  UNKNOWN_PERSON(1, 404),
  INVALID_PERSON_ID(2, 400),
  INVALID_MOBILE(3, 400),
  INVALID_NAME_QUERY(4, 400),
  UNKNOWN_DISTRICT(5, 400),
  INVALID_DATE_WINDOW(6, 400),
  NO_INDEX_CASES(7, 400),
  TOO_MANY_INDEX_CASES(8, 400),
  RATE_LIMITED(9, 429),
  NO_LOOKUP_KEY(10, 400),
  NO_INDEX_CASES_SENT(11, 400),
  JOB_NOT_DONE(12, 409),
  UNKNOWN_JOB(13, 404),
  PURPOSE_REQUIRED(14, 400),
  EMPTY_FILE(15, 400),
  FILE_NOT_TEXT(16, 400),
  FILE_TOO_LARGE(17, 400),
  FILE_WITHOUT_INDEX_CASES(18, 400),
  UNKNOWN_FORMAT(19, 400),
  NO_LIST_FOR_DISTRICT(20, 404),
  NO_FILE_PART(21, 400),
  LISTS_NOT_KEPT(22, 410);

  private final String code;
  private final int httpStatus;

  TracingError(int number, int httpStatus) {
    this.code = String.format("NMIS-TRC-%03d", number);
    this.httpStatus = httpStatus;
  }

  /** For example {@code NMIS-TRC-001}. */
  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }
}
