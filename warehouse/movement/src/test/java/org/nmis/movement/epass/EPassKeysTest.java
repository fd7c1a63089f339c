package org.nmis.movement.epass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.TRAVEL_DATE;
import static org.nmis.movement.testing.MovementFixtures.person;
import static org.nmis.movement.testing.MovementFixtures.requestId;

import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nmis.movement.epass.EPassVerification.Status;
import org.nmis.movement.testing.MutableClock;

class EPassKeysTest {
  private static final KeyPair KEYS = EPassKeys.generate();

  @Test
  void configuredKeysRoundTripAndThePublicKeyIsDerived() {
    String privateBase64 = EPassKeys.encode(KEYS.getPrivate());
    String publicBase64 = EPassKeys.encode(KEYS.getPublic());
    assertArrayEquals(
        KEYS.getPublic().getEncoded(),
        EPassKeys.derivePublicKey(EPassKeys.privateKey(privateBase64)).getEncoded());
    KeyPair fromConfig = EPassKeys.fromConfig(privateBase64, publicBase64);
    assertArrayEquals(KEYS.getPublic().getEncoded(), fromConfig.getPublic().getEncoded());
    assertArrayEquals(
        KEYS.getPublic().getEncoded(),
        EPassKeys.fromConfig(privateBase64, null).getPublic().getEncoded());
  }

  @Test
  void aPublicKeyOfAnotherPairIsRefused() {
    String otherPublic = EPassKeys.encode(EPassKeys.generate().getPublic());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> EPassKeys.fromConfig(EPassKeys.encode(KEYS.getPrivate()), otherPublic));
    assertTrue(
        e.getMessage().startsWith("NMIS-MOV-113: the configured e-pass public key does not belong"),
        e.getMessage());
    assertTrue(e.getMessage().contains(EPassKeys.encode(KEYS.getPublic())), e.getMessage());
  }

  @Test
  void malformedKeysAreRefusedWithTheirCode() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> EPassKeys.privateKey("bm90IGEga2V5"))
            .getMessage()
            .startsWith("NMIS-MOV-111: "));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> EPassKeys.publicKey(""))
            .getMessage()
            .startsWith("NMIS-MOV-112: "));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> EPassKeys.fromJwk("{\"kty\":\"RSA\"}"))
            .getMessage()
            .startsWith("NMIS-MOV-112: "));
  }

  @Test
  void aStationCheckerVerifiesOfflineWithThePublishedJwk() {
    String jwk = EPassKeys.jwk(KEYS.getPublic());
    assertTrue(
        jwk.matches("\\{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"[A-Za-z0-9_-]{43}\"}"), jwk);
    assertArrayEquals(KEYS.getPublic().getEncoded(), EPassKeys.fromJwk(jwk).getEncoded());
    EPass pass =
        new EPassIssuer(KEYS.getPrivate(), new MutableClock(T0))
            .issue(
                new EPassSubject(person(1).value(), requestId(1), "01901", TRAVEL_DATE, "S1", 1));
    assertEquals(
        Status.VALID,
        EPassVerifier.fromJwk(jwk)
            .verify(pass.token(), pass.claims().validFrom().plus(Duration.ofHours(30)), id -> false)
            .status());
  }
}
