package org.nmis.movement.epass;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token's layout: {@code base64url(claims JSON) "." base64url(Ed25519 signature of the first
 * part)}.
 */
final class EPassToken {
  static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  static final int SIGNATURE_BYTES = 64;

  private EPassToken() {}

  /**
   * The bytes that are signed: the encoded claims as they appear in the token, so nothing is
   * re-encoded.
   */
  static byte[] signingInput(String encodedClaims) {
    return encodedClaims.getBytes(StandardCharsets.US_ASCII);
  }
}
