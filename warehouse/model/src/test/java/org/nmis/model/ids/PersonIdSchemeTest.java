package org.nmis.model.ids;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * Allocation of person IDs from log positions: determinism, format, uniqueness, key and range
 * checks.
 */
class PersonIdSchemeTest {
  static final Pattern FORMAT = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$");
  private static final String KEY = RegistrationFixtures.TEST_ID_KEY;

  @Test
  void aKnownIdStandsAndOnlyAFirstMessageGetsOneFromItsPosition() {
    PersonIdScheme scheme = new PersonIdScheme(KEY, 0);
    PersonId first = scheme.forLogPosition(1, 10);
    assertEquals(first, scheme.resolve(java.util.Optional.empty(), 1, 10));
    assertEquals(first, scheme.resolve(java.util.Optional.of(first), 2, 99), "a correction");
    assertNotEquals(first, scheme.resolve(java.util.Optional.empty(), 2, 99));
  }

  @Test
  void theSameLogPositionGivesTheSameId() {
    PersonIdScheme a = new PersonIdScheme(KEY, 0);
    PersonIdScheme b = new PersonIdScheme(KEY, 0);
    for (int p = 0; p < PersonIdScheme.MAX_PARTITIONS; p += 7) {
      for (long o : new long[] {0, 1, 12345, PersonIdScheme.MAX_OFFSET}) {
        assertEquals(a.forLogPosition(p, o), b.forLogPosition(p, o));
        assertEquals(a.forLogPosition(p, o), a.forLogPosition(p, o));
      }
    }
    assertEquals(
        RegistrationFixtures.idScheme().forLogPosition(3, 42),
        new PersonIdScheme(KEY, 0).forLogPosition(3, 42));
  }

  @Test
  void idsHaveTheDocumentedFormatAndParseBackToThemselves() {
    PersonIdScheme scheme = RegistrationFixtures.idScheme();
    for (long o = 0; o < 5_000; o++) {
      PersonId id = scheme.forLogPosition((int) (o % PersonIdScheme.MAX_PARTITIONS), o * 7919);
      assertTrue(FORMAT.matcher(id.value()).matches(), id.value());
      assertEquals(id.value(), id.toString());
      assertEquals(id, PersonId.parse(id.value()).orElseThrow());
    }
  }

  @Test
  void consecutiveOffsetsDoNotGiveGuessableIds() {
    PersonIdScheme scheme = RegistrationFixtures.idScheme();
    PersonId a = scheme.forLogPosition(0, 0);
    PersonId b = scheme.forLogPosition(0, 1);
    int differing = 0;
    for (int i = 0; i < a.value().length(); i++) {
      if (a.value().charAt(i) != b.value().charAt(i)) {
        differing++;
      }
    }
    assertTrue(differing >= 4, a + " and " + b + " are too alike for neighbouring offsets");
  }

  /**
   * 2,000,000 IDs from every epoch, several partitions and both ends of the offset range are all
   * distinct (the scheme promises this by construction: the payload is a bijection of the log
   * position).
   */
  @Test
  @Timeout(30)
  void twoMillionIdsAreDistinct() {
    int[] partitions = {0, 1, 31, 63};
    int perRun = 62_500; // 4 epochs x 4 partitions x 2 ranges x 62,500 = 2,000,000
    long[] values = new long[4 * partitions.length * 2 * perRun];
    int n = 0;
    for (int epoch = 0; epoch <= PersonIdScheme.MAX_EPOCH; epoch++) {
      PersonIdScheme scheme = new PersonIdScheme(KEY, epoch);
      for (int p : partitions) {
        for (int i = 0; i < perRun; i++) {
          values[n++] = asLong(scheme.forLogPosition(p, i));
          values[n++] = asLong(scheme.forLogPosition(p, PersonIdScheme.MAX_OFFSET - i));
        }
      }
    }
    assertEquals(2_000_000, n);
    Arrays.sort(values);
    for (int i = 1; i < values.length; i++) {
      if (values[i] == values[i - 1]) {
        fail("two log positions got the same person ID (as 50-bit value " + values[i] + ")");
      }
    }
  }

  /** The ten symbols of an ID as a 50-bit number, so that millions fit in a long array. */
  static long asLong(PersonId id) {
    long v = 0;
    for (char c : id.value().toCharArray()) {
      if (c != '-') {
        v = (v << 5) | Crockford32.value(c);
      }
    }
    return v;
  }

  @Test
  void aDifferentKeyGivesDifferentIds() {
    PersonIdScheme a = new PersonIdScheme(KEY, 0);
    PersonIdScheme b = new PersonIdScheme(KEY + "-rotated", 0);
    Set<PersonId> fromA = new HashSet<>();
    Set<PersonId> fromB = new HashSet<>();
    for (long o = 0; o < 1_000; o++) {
      PersonId x = a.forLogPosition(5, o);
      PersonId y = b.forLogPosition(5, o);
      assertNotEquals(x, y, "offset " + o);
      fromA.add(x);
      fromB.add(y);
    }
    fromA.retainAll(fromB);
    assertTrue(fromA.size() <= 1, "the two keys share IDs " + fromA);
  }

  @Test
  void aDifferentEpochGivesDifferentIds() {
    for (int e = 1; e <= PersonIdScheme.MAX_EPOCH; e++) {
      assertNotEquals(
          new PersonIdScheme(KEY, 0).forLogPosition(0, 0),
          new PersonIdScheme(KEY, e).forLogPosition(0, 0));
    }
  }

  @Test
  void boundariesAreAccepted() {
    assertDoesNotThrow(
        () ->
            new PersonIdScheme("k".repeat(16), PersonIdScheme.MAX_EPOCH)
                .forLogPosition(PersonIdScheme.MAX_PARTITIONS - 1, PersonIdScheme.MAX_OFFSET));
    assertDoesNotThrow(() -> new PersonIdScheme("k".repeat(16), 0).forLogPosition(0, 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, PersonIdScheme.MAX_PARTITIONS, 1000, Integer.MIN_VALUE})
  void partitionOutOfRange(int partition) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegistrationFixtures.idScheme().forLogPosition(partition, 0));
    assertTrue(e.getMessage().contains("NMIS-ID-003"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(partition)), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, PersonIdScheme.MAX_OFFSET + 1, Long.MAX_VALUE, Long.MIN_VALUE})
  void offsetOutOfRange(long offset) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RegistrationFixtures.idScheme().forLogPosition(0, offset));
    assertTrue(e.getMessage().contains("NMIS-ID-004"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, PersonIdScheme.MAX_EPOCH + 1, 100})
  void epochOutOfRange(int epoch) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new PersonIdScheme(KEY, epoch));
    assertTrue(e.getMessage().contains("NMIS-ID-002"), e.getMessage());
  }

  @Test
  void shortOrMissingKey() {
    for (String key : new String[] {null, "", "short", "k".repeat(15)}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new PersonIdScheme(key, 0));
      assertTrue(e.getMessage().contains("NMIS-ID-001"), e.getMessage());
    }
  }

  @Test
  void errorsDoNotShowTheKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new PersonIdScheme("a-secret-16chars", -1));
    assertFalse(e.getMessage().contains("a-secret-16chars"), e.getMessage());
  }

  @Test
  void theLargestPayloadIsAValidId() {
    // epoch 3, partition 63, MAX_OFFSET: all 45 payload bits set
    assertEquals(45, PersonId.PAYLOAD_BITS);
    PersonId max = new PersonIdScheme(KEY, 3).forLogPosition(63, PersonIdScheme.MAX_OFFSET);
    assertTrue(FORMAT.matcher(max.value()).matches());
    assertEquals(max, PersonId.parse(max.value()).orElseThrow());
  }
}
