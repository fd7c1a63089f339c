package org.nmis.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.testing.RegistrationFixtures;

/** The Verhoeff check digit against published vectors, and the errors it must catch. */
class VerhoeffTest {

  @ParameterizedTest
  @CsvSource({
    "236, 3",
    "12345, 1",
    "142857, 0",
    "123456789012, 0",
    "8473643095483728456789, 2",
    "123456654321, 9",
    "0, 4",
    "1, 5"
  })
  void knownCheckDigits(String digits, char check) {
    assertEquals(check, Verhoeff.checkDigit(digits));
    assertTrue(Verhoeff.isValid(digits + check), digits + check);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2363", "123451", "1428570", "1234567890120", "84736430954837284567892"})
  void validNumbers(String digits) {
    assertTrue(Verhoeff.isValid(digits));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2364", "2336", "123459", "1428571", "84736430954837284567891"})
  void invalidNumbers(String digits) {
    assertFalse(Verhoeff.isValid(digits));
  }

  /**
   * Regression: the permutation table's row 4 once read 9 4 5 3 1 2 8 7 6 0 instead of 9 4 5 3 1 2
   * 6 8 7 0. The class stayed consistent with itself (check digits it made passed its own check),
   * but it rejected about a third of real Aadhaar numbers (a 6, 7 or 8 fifth from the right) and
   * accepted mistyped ones.
   */
  @ParameterizedTest
  @CsvSource({"23456786012, 7", "23456787012, 5", "23456788012, 6", "8473643095483728456789, 2"})
  void agreesWithTheStandardTablesWhereRow4Matters(String digits, char check) {
    assertEquals(check, Verhoeff.checkDigit(digits));
    assertEquals(ReferenceVerhoeff.checkDigit(digits), Verhoeff.checkDigit(digits));
    assertTrue(Verhoeff.isValid(digits + check));
    for (char other = '0'; other <= '9'; other++) {
      if (other != check) {
        assertFalse(Verhoeff.isValid(digits + other), digits + other);
      }
    }
  }

  @Test
  void agreesWithAReferenceImplementationOnRandomNumbers() {
    java.util.Random random = new java.util.Random(20200518);
    for (int i = 0; i < 100_000; i++) {
      String digits =
          Long.toString(100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
      assertEquals(ReferenceVerhoeff.isValid(digits), Verhoeff.isValid(digits), digits);
      String prefix = digits.substring(0, 11);
      assertEquals(ReferenceVerhoeff.checkDigit(prefix), Verhoeff.checkDigit(prefix), prefix);
    }
  }

  /**
   * Verhoeff from its definition: the dihedral group D5, and the permutation tables as powers of (1
   * 5 8 9 4 2 7 0)(3 6).
   */
  private static final class ReferenceVerhoeff {
    private static final int[][] P = new int[8][10];

    static {
      int[] p1 = {1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
      for (int j = 0; j < 10; j++) {
        P[0][j] = j;
      }
      for (int i = 1; i < 8; i++) {
        for (int j = 0; j < 10; j++) {
          P[i][j] = p1[P[i - 1][j]];
        }
      }
    }

    /** Multiplication in D5, elements 0-4 rotations, 5-9 reflections. */
    static int d5(int a, int b) {
      if (a < 5 && b < 5) {
        return (a + b) % 5;
      }
      if (a < 5) {
        return 5 + (a + b - 5) % 5;
      }
      if (b < 5) {
        return 5 + (a - 5 - b + 5) % 5;
      }
      return (a - b + 5) % 5;
    }

    static int inverse(int a) {
      for (int b = 0; b < 10; b++) {
        if (d5(a, b) == 0) {
          return b;
        }
      }
      throw new AssertionError();
    }

    static boolean isValid(String digits) {
      int c = 0;
      for (int i = 0; i < digits.length(); i++) {
        c = d5(c, P[i % 8][digits.charAt(digits.length() - 1 - i) - '0']);
      }
      return c == 0;
    }

    static char checkDigit(String digits) {
      int c = 0;
      for (int i = 0; i < digits.length(); i++) {
        c = d5(c, P[(i + 1) % 8][digits.charAt(digits.length() - 1 - i) - '0']);
      }
      return (char) ('0' + inverse(c));
    }
  }

  @Test
  void catchesEverySingleDigitErrorAndAdjacentTransposition() {
    String aadhaar = RegistrationFixtures.AADHAAR;
    assertTrue(Verhoeff.isValid(aadhaar));
    for (int i = 0; i < aadhaar.length(); i++) {
      for (char d = '0'; d <= '9'; d++) {
        if (d != aadhaar.charAt(i)) {
          String typo = aadhaar.substring(0, i) + d + aadhaar.substring(i + 1);
          assertFalse(Verhoeff.isValid(typo), typo);
        }
      }
      if (i + 1 < aadhaar.length() && aadhaar.charAt(i) != aadhaar.charAt(i + 1)) {
        String swapped =
            aadhaar.substring(0, i)
                + aadhaar.charAt(i + 1)
                + aadhaar.charAt(i)
                + aadhaar.substring(i + 2);
        assertFalse(Verhoeff.isValid(swapped), swapped);
      }
    }
  }

  @Test
  void checkDigitMakesEveryElevenDigitPrefixValid() {
    for (long n = 20_000_000_000L; n < 20_000_000_000L + 2_000; n++) {
      String prefix = Long.toString(n);
      String full = prefix + Verhoeff.checkDigit(prefix);
      assertTrue(Verhoeff.isValid(full), full);
      int valid = 0;
      for (char d = '0'; d <= '9'; d++) {
        if (Verhoeff.isValid(prefix + d)) {
          valid++;
        }
      }
      assertEquals(1, valid, "exactly one check digit fits " + prefix);
    }
  }
}
