package org.nmis.movement.epass;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;
import org.nmis.movement.Ist;

/** Signs e-passes with the service's Ed25519 private key. Thread-safe. */
public final class EPassIssuer {
  /** A pass opens at the start of the day before travel (India time), for boarding formalities. */
  public static final int DAYS_VALID_BEFORE = 1;

  /** And closes at the end of the second day after, as Shramik journeys took up to three days. */
  public static final int DAYS_VALID_AFTER = 2;

  private static final int PASS_ID_BYTES = 12;

  private final PrivateKey key;
  private final Clock clock;
  private final RandomGenerator random;

  public EPassIssuer(PrivateKey key, Clock clock) {
    this(key, clock, new SecureRandom());
  }

  /** {@code random} makes pass IDs; tests pass a seeded one. */
  public EPassIssuer(PrivateKey key, Clock clock, RandomGenerator random) {
    this.key = key;
    this.clock = clock;
    this.random = random;
  }

  /**
   * A pass valid from the day before the travel date to the end of the second day after it (India
   * time).
   */
  public EPass issue(EPassSubject subject) {
    return issue(
        subject,
        Ist.startOf(subject.date().minusDays(DAYS_VALID_BEFORE)),
        Ist.startOf(subject.date().plusDays(DAYS_VALID_AFTER + 1)));
  }

  public EPass issue(EPassSubject s, Instant validFrom, Instant validUntil) {
    EPassClaims claims =
        new EPassClaims(
            EPassClaims.CURRENT_VERSION,
            passId(),
            s.travellerId(),
            s.requestId(),
            s.trainNumber(),
            s.date(),
            s.coach(),
            s.berth(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            validFrom.truncatedTo(ChronoUnit.SECONDS),
            validUntil.truncatedTo(ChronoUnit.SECONDS));
    String encoded = EPassToken.ENCODER.encodeToString(ClaimsJson.write(claims));
    try {
      Signature signer = Signature.getInstance(EPassKeys.ALGORITHM);
      signer.initSign(key);
      signer.update(EPassToken.signingInput(encoded));
      return new EPass(claims, encoded + "." + EPassToken.ENCODER.encodeToString(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "NMIS-MOV-115: cannot sign an e-pass with the configured key: "
              + e.getMessage()
              + "; check the e-pass private key configuration",
          e);
    }
  }

  private String passId() {
    byte[] bytes = new byte[PASS_ID_BYTES];
    random.nextBytes(bytes);
    return EPassToken.ENCODER.encodeToString(bytes);
  }
}
