package org.nmis.tracing.bulk;

/** Why an index case of a bulk job was not traced. */
public enum UnresolvedReason {
  /** Neither a mobile number nor a person ID (or empty). */
  MALFORMED,
  /** A valid mobile number nobody traceable is registered with. */
  UNKNOWN_MOBILE,
  /** A well-formed person ID the index does not hold. */
  UNKNOWN_PERSON_ID,
  /**
   * Reads as a registered mobile number and as a known person ID (all digits): the caller must say
   * which.
   */
  AMBIGUOUS
}
