package org.nmis.model.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The keyed permutation behind person IDs, and the Damm check and alphabet that render them. */
class KeyedPermutationTest {
  private static final String KEY = "test-person-id-key-not-for-production";

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 5, 12, 13, 16, 17})
  void isABijectionOnSmallDomains(int bits) {
    KeyedPermutation p = new KeyedPermutation(bits, KEY);
    int size = 1 << bits;
    BitSet seen = new BitSet(size);
    for (long v = 0; v < size; v++) {
      long out = p.permute(v);
      assertTrue(out >= 0 && out < size, "out of range: " + v + " -> " + out);
      assertTrue(!seen.get((int) out), "two inputs map to " + out);
      seen.set((int) out);
    }
    assertEquals(size, seen.cardinality());
  }

  @Test
  void bits12AllOutputsDistinctAndInRange() {
    KeyedPermutation p = new KeyedPermutation(12, KEY);
    java.util.Set<Long> outputs = new java.util.HashSet<>();
    for (long v = 0; v < 4096; v++) {
      long out = p.permute(v);
      assertTrue(out >= 0 && out < 4096);
      outputs.add(out);
    }
    assertEquals(4096, outputs.size());
  }

  @Test
  void isNotTheIdentityAndDependsOnTheKey() {
    KeyedPermutation a = new KeyedPermutation(16, KEY);
    KeyedPermutation b = new KeyedPermutation(16, KEY + "x");
    int fixed = 0;
    int same = 0;
    for (long v = 0; v < 1 << 16; v++) {
      if (a.permute(v) == v) {
        fixed++;
      }
      if (a.permute(v) == b.permute(v)) {
        same++;
      }
    }
    assertTrue(fixed < 50, "too many fixed points: " + fixed);
    assertTrue(same < 50, "the two keys agree on " + same + " values");
  }

  @Test
  void wideDomainsStayInRange() {
    KeyedPermutation p = new KeyedPermutation(45, KEY);
    for (long v : new long[] {0, 1, (1L << 44), (1L << 45) - 1, 123_456_789_012L}) {
      long out = p.permute(v);
      assertTrue(out >= 0 && out < (1L << 45), v + " -> " + out);
      assertEquals(out, new KeyedPermutation(45, KEY).permute(v), "deterministic");
    }
    assertNotEquals(p.permute(0), p.permute(1));
  }

  @Test
  void rejectsOutOfRangeInputAndWidths() {
    KeyedPermutation p = new KeyedPermutation(12, KEY);
    assertThrows(IllegalArgumentException.class, () -> p.permute(-1));
    assertThrows(IllegalArgumentException.class, () -> p.permute(4096));
    assertThrows(IllegalArgumentException.class, () -> new KeyedPermutation(1, KEY));
    assertThrows(IllegalArgumentException.class, () -> new KeyedPermutation(63, KEY));
  }

  // ---- Damm check over GF(32)
  // -----------------------------------------------------------------------------------

  @Test
  void timesGeneratorIsAPermutationOfTheField() {
    BitSet seen = new BitSet(32);
    for (int x = 0; x < 32; x++) {
      int y = DammCheck32.timesGenerator(x);
      assertTrue(y >= 0 && y < 32);
      seen.set(y);
    }
    assertEquals(32, seen.cardinality());
    // the generator has order 31: its powers visit every non-zero element
    int x = 1;
    BitSet powers = new BitSet(32);
    for (int i = 0; i < 31; i++) {
      powers.set(x);
      x = DammCheck32.timesGenerator(x);
    }
    assertEquals(1, x);
    assertEquals(31, powers.cardinality());
  }

  @Test
  void theQuasigroupIsTotallyAntiSymmetric() {
    // (c*x)*y == (c*y)*x only when x == y, with a*b = 2a + b: what lets one symbol catch adjacent
    // transpositions
    for (int c = 0; c < 32; c++) {
      for (int x = 0; x < 32; x++) {
        for (int y = 0; y < 32; y++) {
          int cxy = DammCheck32.interim(new int[] {c, x, y});
          int cyx = DammCheck32.interim(new int[] {c, y, x});
          if (x != y) {
            assertNotEquals(cxy, cyx, "c=" + c + " x=" + x + " y=" + y);
          }
        }
      }
    }
  }

  @Test
  void appendingTheCheckSymbolGivesInterimZero() {
    int[][] words = {
      {0}, {1, 2, 3}, {31, 31, 31, 31, 31, 31, 31, 31, 31}, {7, 0, 19, 4, 25, 8, 11, 30, 2}
    };
    for (int[] w : words) {
      int[] full = java.util.Arrays.copyOf(w, w.length + 1);
      full[w.length] = DammCheck32.checkSymbol(w);
      assertEquals(0, DammCheck32.interim(full));
    }
  }

  // ---- Crockford base 32
  // ----------------------------------------------------------------------------------------

  @Test
  void crockfordAlphabet() {
    assertEquals(32, Crockford32.ALPHABET.length());
    assertEquals(32, Crockford32.ALPHABET.chars().distinct().count());
    for (char c : "ILOU".toCharArray()) {
      assertEquals(-1, Crockford32.ALPHABET.indexOf(c), c + " must not be a symbol");
    }
    for (int v = 0; v < 32; v++) {
      char s = Crockford32.symbol(v);
      assertEquals(v, Crockford32.value(s));
      assertEquals(v, Crockford32.value(Character.toLowerCase(s)));
    }
    assertEquals(0, Crockford32.value('O'));
    assertEquals(0, Crockford32.value('o'));
    assertEquals(1, Crockford32.value('I'));
    assertEquals(1, Crockford32.value('i'));
    assertEquals(1, Crockford32.value('L'));
    assertEquals(1, Crockford32.value('l'));
    assertEquals(-1, Crockford32.value('U'));
    assertEquals(-1, Crockford32.value('u'));
    assertEquals(-1, Crockford32.value('*'));
  }
}
