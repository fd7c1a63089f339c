package org.nmis.movement.epass;

/**
 * The verdict on a scanned pass. {@code claims} is present whenever the signature held (also for
 * EXPIRED, NOT_YET_VALID and REVOKED, so the checker can say whose pass it is) and null otherwise;
 * {@code reason} is null for a valid pass.
 */
public record EPassVerification(Status status, Reason reason, EPassClaims claims) {
  public enum Status {
    VALID,
    INVALID
  }

  public enum Reason {
    MALFORMED,
    BAD_SIGNATURE,
    EXPIRED,
    NOT_YET_VALID,
    REVOKED
  }

  static EPassVerification valid(EPassClaims claims) {
    return new EPassVerification(Status.VALID, null, claims);
  }

  static EPassVerification invalid(Reason reason, EPassClaims claims) {
    return new EPassVerification(Status.INVALID, reason, claims);
  }
}
