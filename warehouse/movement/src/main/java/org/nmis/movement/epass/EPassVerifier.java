package org.nmis.movement.epass;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.nmis.movement.epass.EPassVerification.Reason;

/**
 * Checks a scanned pass with the public key only, so a station checker can work offline with the
 * published JWK and a copy of the revocation list. The signature is checked before the claims are
 * parsed. Thread-safe.
 */
public final class EPassVerifier {
  /**
   * Far more than any pass this code issues; a guard against scanning a document instead of a pass.
   */
  static final int MAX_TOKEN_LENGTH = 2048;

  private final PublicKey key;

  public EPassVerifier(PublicKey key) {
    this.key = key;
  }

  public static EPassVerifier fromJwk(String jwk) {
    return new EPassVerifier(EPassKeys.fromJwk(jwk));
  }

  /**
   * VALID with the claims, or INVALID with the first reason found: MALFORMED, BAD_SIGNATURE,
   * REVOKED, NOT_YET_VALID, EXPIRED. A pass is valid from {@code validFrom} inclusive to {@code
   * validUntil} exclusive.
   */
  public EPassVerification verify(String token, Instant now, Predicate<String> revokedPassIds) {
    int dot = token == null || token.length() > MAX_TOKEN_LENGTH ? -1 : token.indexOf('.');
    if (dot <= 0 || dot != token.lastIndexOf('.')) {
      return EPassVerification.invalid(Reason.MALFORMED, null);
    }
    String encodedClaims = token.substring(0, dot);
    byte[] json;
    byte[] signature;
    try {
      json = EPassToken.DECODER.decode(encodedClaims);
      signature = EPassToken.DECODER.decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return EPassVerification.invalid(Reason.MALFORMED, null);
    }
    if (signature.length != EPassToken.SIGNATURE_BYTES) {
      return EPassVerification.invalid(Reason.MALFORMED, null);
    }
    if (!signatureHolds(encodedClaims, signature)) {
      return EPassVerification.invalid(Reason.BAD_SIGNATURE, null);
    }
    Optional<EPassClaims> read = ClaimsJson.read(json);
    if (read.isEmpty()) {
      return EPassVerification.invalid(Reason.MALFORMED, null);
    }
    EPassClaims claims = read.get();
    if (revokedPassIds.test(claims.passId())) {
      return EPassVerification.invalid(Reason.REVOKED, claims);
    }
    if (now.isBefore(claims.validFrom())) {
      return EPassVerification.invalid(Reason.NOT_YET_VALID, claims);
    }
    if (!now.isBefore(claims.validUntil())) {
      return EPassVerification.invalid(Reason.EXPIRED, claims);
    }
    return EPassVerification.valid(claims);
  }

  private boolean signatureHolds(String encodedClaims, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(EPassKeys.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(EPassToken.signingInput(encodedClaims));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // a signature the algorithm cannot even decode is not a valid one
    }
  }
}
