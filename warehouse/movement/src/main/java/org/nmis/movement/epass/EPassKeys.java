package org.nmis.movement.epass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of the e-pass service, in the forms configuration and station checkers use: the
 * private key as base64 PKCS#8, the public key as base64 X.509 and as a JWK ({@code
 * {"kty":"OKP","crv":"Ed25519","x":...}}).
 */
public final class EPassKeys {
  static final String ALGORITHM = "Ed25519";

  /** DER header of an Ed25519 X.509 SubjectPublicKeyInfo; the 32-byte key follows (RFC 8410). */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private static final int KEY_BYTES = 32;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EPassKeys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
    }
  }

  /**
   * The key pair of the configured keys. The public key may be null: it is then derived from the
   * private one. When both are given they must belong together, or every pass would fail
   * verification.
   */
  public static KeyPair fromConfig(String privatePkcs8Base64, String publicX509Base64) {
    PrivateKey privateKey = privateKey(privatePkcs8Base64);
    PublicKey derived = derivePublicKey(privateKey);
    if (publicX509Base64 != null
        && !publicX509Base64.isBlank()
        && !Arrays.equals(publicKey(publicX509Base64).getEncoded(), derived.getEncoded())) {
      throw new IllegalArgumentException(
          "NMIS-MOV-113: the configured e-pass public key does not belong to the"
              + " configured private key, so station checkers would refuse every pass; set the public key to "
              + encode(derived)
              + " or leave it empty to derive it");
    }
    return new KeyPair(derived, privateKey);
  }

  public static PrivateKey privateKey(String pkcs8Base64) {
    try {
      return KeyFactory.getInstance(ALGORITHM)
          .generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(strip(pkcs8Base64, "private"))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "NMIS-MOV-111: the e-pass private key is not a base64 PKCS#8 Ed25519"
              + " key; generate one with: java -cp ... org.nmis.movement.epass.EPassKeyTool generate",
          e);
    }
  }

  public static PublicKey publicKey(String x509Base64) {
    try {
      return publicKeyOf(Base64.getDecoder().decode(strip(x509Base64, "public")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "NMIS-MOV-112: the e-pass public key is not a base64 X.509 Ed25519 key;"
              + " derive it from the private key with: EPassKeyTool public <private key>",
          e);
    }
  }

  /**
   * The public key of a private key. The JDK has no API for this, but its generator computes the
   * public key from 32 random bytes, which are the private key: feeding it the private key's bytes
   * gives the pair back.
   */
  public static PublicKey derivePublicKey(PrivateKey privateKey) {
    byte[] seed =
        ((EdECPrivateKey) privateKey)
            .getBytes()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "NMIS-MOV-111: the e-pass private key does not expose its bytes; load it with EPassKeys.privateKey"));
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
      generator.initialize(
          NamedParameterSpec.ED25519,
          new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
              System.arraycopy(seed, 0, bytes, 0, bytes.length);
            }
          });
      KeyPair pair = generator.generateKeyPair();
      if (!Arrays.equals(pair.getPrivate().getEncoded(), privateKey.getEncoded())
          || !matches(pair)) {
        throw new IllegalStateException(
            "NMIS-MOV-114: this Java runtime does not derive Ed25519 public keys from"
                + " private ones; configure the public key explicitly");
      }
      return pair.getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
    }
  }

  /** Base64 of the key's standard encoding: PKCS#8 for a private key, X.509 for a public one. */
  public static String encode(Key key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }

  /**
   * The public key as a JSON Web Key (RFC 8037), which station checkers can load to verify passes
   * offline.
   */
  public static String jwk(PublicKey key) {
    byte[] der = key.getEncoded();
    byte[] x = Arrays.copyOfRange(der, der.length - KEY_BYTES, der.length);
    return MAPPER
        .createObjectNode()
        .put("kty", "OKP")
        .put("crv", ALGORITHM)
        .put("x", Base64.getUrlEncoder().withoutPadding().encodeToString(x))
        .toString();
  }

  public static PublicKey fromJwk(String jwk) {
    try {
      JsonNode o = MAPPER.readTree(jwk);
      if (o == null
          || !"OKP".equals(o.path("kty").asText())
          || !ALGORITHM.equals(o.path("crv").asText())) {
        throw new IllegalArgumentException("not an Ed25519 OKP key");
      }
      byte[] x = Base64.getUrlDecoder().decode(o.path("x").asText());
      if (x.length != KEY_BYTES) {
        throw new IllegalArgumentException("x has " + x.length + " bytes, not " + KEY_BYTES);
      }
      byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + KEY_BYTES);
      System.arraycopy(x, 0, der, X509_PREFIX.length, KEY_BYTES);
      return publicKeyOf(der);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "NMIS-MOV-112: the e-pass JWK is not {\"kty\":\"OKP\",\"crv\":\"Ed25519\","
              + "\"x\":<32 bytes base64url>}: "
              + e.getMessage(),
          e);
    }
  }

  private static PublicKey publicKeyOf(byte[] x509) {
    try {
      return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 X.509 public key", e);
    }
  }

  private static boolean matches(KeyPair pair) throws GeneralSecurityException {
    byte[] probe = "nmis-epass-key-check".getBytes(StandardCharsets.US_ASCII);
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(pair.getPrivate());
    signer.update(probe);
    Signature verifier = Signature.getInstance(ALGORITHM);
    verifier.initVerify(pair.getPublic());
    verifier.update(probe);
    return verifier.verify(signer.sign());
  }

  private static String strip(String base64, String which) {
    if (base64 == null || base64.isBlank()) {
      throw new IllegalArgumentException("the " + which + " key is empty");
    }
    return base64.replaceAll("\\s", "");
  }
}
