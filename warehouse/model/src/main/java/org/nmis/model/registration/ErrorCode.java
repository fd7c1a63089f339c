package org.nmis.model.registration;

import org.nmis.model.errors.ProblemType;

/**
 * Stable codes of the validation rules. States build their error handling on these names: never
 * rename one, add new codes instead. The table with every rule is in docs/DATA_MODEL.md. A record
 * that breaks a rule is answered in its batch's result (or as a reject row), not as a problem of
 * its own; the status says what such a record is: a bad request.
 */
public enum ErrorCode implements ProblemType {
  MALFORMED_MESSAGE("the message is not a JSON object of registration fields"),
  UNKNOWN_FIELD("is not a field of the standard data model"),
  NOT_A_TEXT_VALUE("must be a single text or number value"),
  REQUIRED("is required"),
  TOO_LONG("is longer than allowed"),
  INVALID_CHARACTERS("contains characters that are not allowed"),
  CONTAINS_AADHAAR_NUMBER(
      "must not contain an Aadhaar number (12 digits); send it only in the aadhaar field"),
  NAME_INVALID("must contain letters (any script) and no digits"),
  NOT_AN_INTEGER("must be a whole number"),
  AGE_OUT_OF_RANGE("must be between 0 and 120"),
  GENDER_INVALID("must be one of M, F, T, U"),
  MOBILE_INVALID(
      "must be an Indian mobile number: 10 digits starting 6-9, optionally prefixed +91, 91 or 0"),
  AADHAAR_FORMAT("must be 12 digits not starting with 0 or 1"),
  AADHAAR_CHECKSUM("fails the Verhoeff check digit: a digit is mistyped"),
  AADHAAR_TOKEN_INVALID("must be a 64-character hex token with a 4-digit aadhaar_last4"),
  STATE_UNKNOWN("is not an LGD state code"),
  DISTRICT_UNKNOWN("is not an LGD district code"),
  DISTRICT_NOT_IN_STATE("is a district of another state"),
  SAME_ORIGIN_AND_DESTINATION("is the origin district itself"),
  OUTSIDE_JURISDICTION("is outside the submitting user's jurisdiction"),
  SOURCE_STATE_NOT_PARTY("the uploading state must be the origin or the destination state"),
  DATE_INVALID("must be a real date written YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY"),
  MODE_INVALID("must be one of TRAIN, BUS, OTHER"),
  PERSONS_ACCOMPANYING_OUT_OF_RANGE("must be between 0 and 20"),
  CATEGORY_INVALID("must be one of LABOUR, STUDENT, TOURIST, PILGRIM, OTHER");

  private final String rule;

  ErrorCode(String rule) {
    this.rule = rule;
  }

  /** The code is the name, as states have always received it. */
  @Override
  public String code() {
    return name();
  }

  @Override
  public int httpStatus() {
    return 400;
  }

  /** What the rule requires, phrased to follow the field name. */
  public String rule() {
    return rule;
  }
}
