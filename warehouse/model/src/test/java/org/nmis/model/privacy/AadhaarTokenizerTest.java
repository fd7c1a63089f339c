package org.nmis.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nmis.model.testing.RegistrationFixtures;

class AadhaarTokenizerTest {
  private static final String AADHAAR = RegistrationFixtures.AADHAAR;

  @Test
  void theSameNumberGivesTheSameToken() {
    AadhaarTokenizer a = RegistrationFixtures.tokenizer();
    AadhaarTokenizer b = new AadhaarTokenizer(RegistrationFixtures.TEST_AADHAAR_KEY);
    assertEquals(a.token(AADHAAR), a.token(AADHAAR));
    assertEquals(a.token(AADHAAR), b.token(AADHAAR));
  }

  @Test
  void tokensAre64LowerCaseHex() {
    assertTrue(RegistrationFixtures.tokenizer().token(AADHAAR).matches("[0-9a-f]{64}"));
  }

  @Test
  void isHmacSha256OfTheAsciiDigits() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            RegistrationFixtures.TEST_AADHAAR_KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "HmacSHA256"));
    String expected =
        java.util.HexFormat.of()
            .formatHex(mac.doFinal(AADHAAR.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertEquals(expected, RegistrationFixtures.tokenizer().token(AADHAAR));
  }

  @Test
  void aDifferentKeyGivesADifferentToken() {
    AadhaarTokenizer a = RegistrationFixtures.tokenizer();
    AadhaarTokenizer b = new AadhaarTokenizer(RegistrationFixtures.TEST_AADHAAR_KEY + "-2");
    assertNotEquals(a.token(AADHAAR), b.token(AADHAAR));
  }

  @Test
  void differentNumbersGiveDifferentTokens() {
    AadhaarTokenizer t = RegistrationFixtures.tokenizer();
    Set<String> tokens =
        IntStream.range(0, 1_000)
            .mapToObj(i -> RegistrationFixtures.withCheckDigit(Long.toString(40_000_000_000L + i)))
            .map(t::token)
            .collect(Collectors.toSet());
    assertEquals(1_000, tokens.size());
  }

  @Test
  void theTokenNeverContainsTheNumber() {
    AadhaarTokenizer t = RegistrationFixtures.tokenizer();
    for (int i = 0; i < 1_000; i++) {
      String aadhaar =
          RegistrationFixtures.withCheckDigit(Long.toString(30_000_000_000L + 7_919L * i));
      String token = t.token(aadhaar);
      assertFalse(token.contains(aadhaar), token);
      assertFalse(token.contains(aadhaar.substring(0, 8)), token);
    }
  }

  @Test
  void isThreadSafe() {
    AadhaarTokenizer t = RegistrationFixtures.tokenizer();
    List<String> numbers =
        IntStream.range(0, 2_000)
            .mapToObj(i -> RegistrationFixtures.withCheckDigit(Long.toString(50_000_000_000L + i)))
            .toList();
    List<String> sequential = numbers.stream().map(t::token).toList();
    List<String> parallel = numbers.parallelStream().map(t::token).toList();
    assertEquals(sequential, parallel);
  }

  @Test
  void shortKeysAreRefused() {
    for (String key : new String[] {null, "", "fifteen-chars!!"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new AadhaarTokenizer(key));
      assertTrue(e.getMessage().contains("NMIS-PRIV-001"), e.getMessage());
    }
    new AadhaarTokenizer("sixteen-chars!!!");
  }

  @Test
  void lastFourAndMasked() {
    assertEquals("0123", AadhaarTokenizer.lastFour("234567890123"));
    assertEquals("XXXXXXXX0123", AadhaarTokenizer.masked("234567890123"));
    assertEquals("XXXXXXX0123", AadhaarTokenizer.masked("23456780123"));
    assertEquals("XXXX", AadhaarTokenizer.masked("1234"));
    assertEquals("XX", AadhaarTokenizer.masked("12"));
    assertEquals("", AadhaarTokenizer.masked(""));
  }
}
