package org.nmis.model.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an Aadhaar number into a keyed token (HMAC-SHA256, hex) so that the warehouse can match the
 * same number across registrations without ever holding it. Without the key, a token cannot be
 * brute-forced back through the 10^11 valid numbers. The key comes from configuration
 * (nmis.privacy.aadhaar-key), never the repo.
 */
public final class AadhaarTokenizer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  // Mac is not thread-safe; one per thread keeps tokenising allocation-free on the hot ingestion
  // path.
  private final ThreadLocal<Mac> mac;

  public AadhaarTokenizer(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException(
          "NMIS-PRIV-001: the Aadhaar tokenisation key must have at least 16"
              + " characters; set nmis.privacy.aadhaar-key (env NMIS_PRIVACY_AADHAAR_KEY)");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.mac = ThreadLocal.withInitial(this::newMac);
  }

  /** The token of a valid 12-digit Aadhaar number. */
  public String token(String aadhaarDigits) {
    byte[] digest = mac.get().doFinal(aadhaarDigits.getBytes(StandardCharsets.US_ASCII));
    return HexFormat.of().formatHex(digest);
  }

  public static String lastFour(String aadhaarDigits) {
    return aadhaarDigits.substring(aadhaarDigits.length() - 4);
  }

  /** How an Aadhaar number may appear in a message or log: all but the last four digits hidden. */
  public static String masked(String aadhaarDigits) {
    if (aadhaarDigits.length() <= 4) {
      return "X".repeat(aadhaarDigits.length());
    }
    return "X".repeat(aadhaarDigits.length() - 4) + lastFour(aadhaarDigits);
  }

  private Mac newMac() {
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(key);
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
