package org.nmis.ingestion.synthetic;

import org.nmis.model.registration.ErrorCode;

/**
 * One way a generated row breaks the model, as state data desks got them wrong in 2020. Each defect
 * makes the validator report exactly one error, {@link #errorCode()}, so a benchmark knows its
 * expected rejects in advance. The weights set how common each mistake is among invalid rows:
 * mistyped mobile numbers and districts lead.
 */
public enum Defect {
  BLANK_NAME(ErrorCode.REQUIRED, Part.NAME, 5),
  NAME_NOT_A_NAME(ErrorCode.NAME_INVALID, Part.NAME, 4),
  AGE_OUT_OF_RANGE(ErrorCode.AGE_OUT_OF_RANGE, Part.AGE, 6),
  AGE_NOT_A_NUMBER(ErrorCode.NOT_AN_INTEGER, Part.AGE, 4),
  GENDER_UNKNOWN(ErrorCode.GENDER_INVALID, Part.GENDER, 3),
  MOBILE_MALFORMED(ErrorCode.MOBILE_INVALID, Part.MOBILE, 20),
  MOBILE_MISSING(ErrorCode.REQUIRED, Part.MOBILE, 4),
  AADHAAR_MISTYPED(ErrorCode.AADHAAR_CHECKSUM, Part.AADHAAR, 10),
  AADHAAR_MALFORMED(ErrorCode.AADHAAR_FORMAT, Part.AADHAAR, 5),
  STATE_UNKNOWN(ErrorCode.STATE_UNKNOWN, Part.ROUTE, 3),
  DISTRICT_UNKNOWN(ErrorCode.DISTRICT_UNKNOWN, Part.ROUTE, 8),
  DISTRICT_OF_ANOTHER_STATE(ErrorCode.DISTRICT_NOT_IN_STATE, Part.ROUTE, 10),
  SAME_DISTRICT(ErrorCode.SAME_ORIGIN_AND_DESTINATION, Part.ROUTE, 2),
  SOURCE_NOT_A_PARTY(ErrorCode.SOURCE_STATE_NOT_PARTY, Part.ROUTE, 2),
  IMPOSSIBLE_DATE(ErrorCode.DATE_INVALID, Part.TRAVEL_DATE, 10),
  MODE_UNKNOWN(ErrorCode.MODE_INVALID, Part.MODE, 2),
  TOO_MANY_ACCOMPANYING(ErrorCode.PERSONS_ACCOMPANYING_OUT_OF_RANGE, Part.ACCOMPANYING, 1),
  CATEGORY_UNKNOWN(ErrorCode.CATEGORY_INVALID, Part.CATEGORY, 1),
  VEHICLE_REF_CHARACTERS(ErrorCode.INVALID_CHARACTERS, Part.VEHICLE, 1);

  /**
   * The part of a row a defect touches. Two defects of one row touch different parts, because the
   * route rules hide one another (an unknown state skips the check that its district belongs to
   * it), and two defects of one part would overwrite each other.
   */
  public enum Part {
    NAME,
    AGE,
    GENDER,
    MOBILE,
    AADHAAR,
    ROUTE,
    TRAVEL_DATE,
    MODE,
    ACCOMPANYING,
    CATEGORY,
    VEHICLE
  }

  private final ErrorCode errorCode;
  private final Part part;
  private final int weight;

  Defect(ErrorCode errorCode, Part part, int weight) {
    this.errorCode = errorCode;
    this.part = part;
    this.weight = weight;
  }

  /** The one error the validator reports for this defect. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  public Part part() {
    return part;
  }

  int weight() {
    return weight;
  }
}
