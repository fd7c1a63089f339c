package org.nmis.movement.epass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.TRAVEL_DATE;
import static org.nmis.movement.testing.MovementFixtures.person;
import static org.nmis.movement.testing.MovementFixtures.requestId;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nmis.movement.epass.EPassVerification.Reason;
import org.nmis.movement.epass.EPassVerification.Status;
import org.nmis.movement.testing.MutableClock;

class EPassTest {
  private static final KeyPair KEYS = EPassKeys.generate();
  private static final Predicate<String> NONE_REVOKED = id -> false;
  private static final EPassSubject RAM_ON_S7 =
      new EPassSubject(person(1) + "+1", requestId(1), "01901", TRAVEL_DATE, "S7", 43);

  /**
   * 00:00 IST on 17 May 2020, the day before travel, and 00:00 IST on 21 May, after the second day
   * after it.
   */
  private static final Instant OPENS = Instant.parse("2020-05-16T18:30:00Z");

  private static final Instant CLOSES = Instant.parse("2020-05-20T18:30:00Z");

  private final EPassIssuer issuer =
      new EPassIssuer(KEYS.getPrivate(), new MutableClock(T0), new Random(1));
  private final EPassVerifier verifier = new EPassVerifier(KEYS.getPublic());

  @Test
  void aFreshPassIsValidAndCarriesItsClaims() {
    EPass pass = issuer.issue(RAM_ON_S7);
    EPassVerification v = verifier.verify(pass.token(), OPENS.plusSeconds(3600), NONE_REVOKED);
    assertEquals(Status.VALID, v.status());
    assertNull(v.reason());
    assertEquals(pass.claims(), v.claims());
    assertEquals(
        new EPassClaims(
            1,
            pass.claims().passId(),
            person(1) + "+1",
            requestId(1),
            "01901",
            TRAVEL_DATE,
            "S7",
            43,
            T0,
            OPENS,
            CLOSES),
        v.claims());
    assertEquals(16, pass.claims().passId().length());
  }

  @Test
  void theTokenIsCompactJsonWithShortKeysAndFitsASmallQrCode() {
    EPass pass = issuer.issue(RAM_ON_S7);
    String json =
        new String(
            Base64.getUrlDecoder().decode(pass.token().split("\\.")[0]), StandardCharsets.UTF_8);
    assertEquals(
        "{\"v\":1,\"id\":\""
            + pass.claims().passId()
            + "\",\"p\":\""
            + person(1)
            + "+1\",\"r\":\""
            + requestId(1)
            + "\",\"t\":\"01901\",\"d\":\"2020-05-18\",\"c\":\"S7\",\"b\":43,\"iat\":"
            + T0.getEpochSecond()
            + ",\"nbf\":"
            + OPENS.getEpochSecond()
            + ",\"exp\":"
            + CLOSES.getEpochSecond()
            + "}",
        json);
    assertTrue(pass.token().length() < 320, pass.token().length() + " characters");
    assertTrue(pass.token().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), pass.token());
  }

  @Test
  void aTamperedPassFailsTheSignature() {
    EPass pass = issuer.issue(RAM_ON_S7);
    String claims =
        new String(
            Base64.getUrlDecoder().decode(pass.token().split("\\.")[0]), StandardCharsets.UTF_8);
    String upgraded =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                claims.replace("\"c\":\"S7\"", "\"c\":\"B1\"").getBytes(StandardCharsets.UTF_8));
    String forged = upgraded + pass.token().substring(pass.token().indexOf('.'));
    assertEquals(Reason.BAD_SIGNATURE, verifier.verify(forged, OPENS, NONE_REVOKED).reason());

    char[] c = pass.token().toCharArray();
    int last = c.length - 2;
    c[last] = c[last] == 'A' ? 'B' : 'A';
    EPassVerification badSignature = verifier.verify(new String(c), OPENS, NONE_REVOKED);
    assertEquals(Status.INVALID, badSignature.status());
    assertEquals(Reason.BAD_SIGNATURE, badSignature.reason());
    assertNull(badSignature.claims());
  }

  @Test
  void aPassSignedWithAnotherKeyFailsTheSignature() {
    EPass other =
        new EPassIssuer(EPassKeys.generate().getPrivate(), new MutableClock(T0)).issue(RAM_ON_S7);
    assertEquals(
        Reason.BAD_SIGNATURE, verifier.verify(other.token(), OPENS, NONE_REVOKED).reason());
  }

  @Test
  void garbageIsMalformed() {
    String token = issuer.issue(RAM_ON_S7).token();
    String[] parts = token.split("\\.");
    for (String bad :
        new String[] {
          null,
          "",
          "abc",
          "." + parts[1],
          parts[0] + ".",
          token + ".x",
          parts[0] + ".not*base64",
          parts[0] + "." + parts[1].substring(4),
          "x".repeat(5000) + "." + parts[1]
        }) {
      assertEquals(
          Reason.MALFORMED,
          verifier.verify(bad, OPENS, NONE_REVOKED).reason(),
          String.valueOf(bad));
    }
  }

  @Test
  void aPassIsValidOnlyInsideItsWindow() {
    String token = issuer.issue(RAM_ON_S7).token();
    assertEquals(
        Reason.NOT_YET_VALID, verifier.verify(token, OPENS.minusSeconds(1), NONE_REVOKED).reason());
    assertEquals(Status.VALID, verifier.verify(token, OPENS, NONE_REVOKED).status());
    assertEquals(
        Status.VALID, verifier.verify(token, CLOSES.minusSeconds(1), NONE_REVOKED).status());
    EPassVerification expired = verifier.verify(token, CLOSES, NONE_REVOKED);
    assertEquals(Reason.EXPIRED, expired.reason());
    assertEquals("S7", expired.claims().coach());
  }

  @Test
  void aRevokedPassIsRefusedWithItsClaims() {
    EPass pass = issuer.issue(RAM_ON_S7);
    EPass another = issuer.issue(RAM_ON_S7);
    assertNotEquals(pass.claims().passId(), another.claims().passId());
    Set<String> revoked = Set.of(pass.claims().passId());
    EPassVerification v = verifier.verify(pass.token(), OPENS, revoked::contains);
    assertEquals(Reason.REVOKED, v.reason());
    assertEquals(pass.claims(), v.claims());
    assertEquals(Status.VALID, verifier.verify(another.token(), OPENS, revoked::contains).status());
  }

  @Test
  void anExplicitWindowIsKeptToTheSecond() {
    EPass pass =
        issuer.issue(
            RAM_ON_S7,
            Instant.parse("2020-05-18T00:00:00.900Z"),
            Instant.parse("2020-05-18T12:00:00Z"));
    assertEquals(Instant.parse("2020-05-18T00:00:00Z"), pass.claims().validFrom());
    assertEquals(
        Reason.EXPIRED,
        verifier
            .verify(pass.token(), Instant.parse("2020-05-18T12:00:00Z"), NONE_REVOKED)
            .reason());
  }
}
