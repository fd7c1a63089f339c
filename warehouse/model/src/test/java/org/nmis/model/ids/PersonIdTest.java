package org.nmis.model.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.testing.RegistrationFixtures;

/** The person ID as people see, type and mistype it. */
class PersonIdTest {
  private static final List<PersonId> SAMPLE = new ArrayList<>();

  @BeforeAll
  static void sample() {
    PersonIdScheme scheme = RegistrationFixtures.idScheme();
    for (int i = 0; i < 300; i++) {
      SAMPLE.add(scheme.forLogPosition(i % PersonIdScheme.MAX_PARTITIONS, i * 104_729L));
    }
  }

  /** A sampled ID that has both a 0 and a 1 in it, to try the look-alike letters on. */
  private static PersonId withZeroAndOne() {
    return SAMPLE.stream()
        .filter(id -> id.value().indexOf('0') >= 0 && id.value().indexOf('1') >= 0)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anIdIsItsPayloadAndBack() {
    for (long payload : new long[] {0, 1, 31, 32, 123_456_789L, (1L << 45) - 1}) {
      PersonId id = PersonId.ofPayload(payload);
      assertEquals(payload, id.payload());
      assertEquals(id, PersonId.ofPayload(id.payload()));
    }
    PersonId typed = PersonId.parse(PersonId.ofPayload(987_654_321L).value().toLowerCase()).get();
    assertEquals(987_654_321L, typed.payload());
    assertThrows(IllegalArgumentException.class, () -> PersonId.ofPayload(1L << 45));
    assertThrows(IllegalArgumentException.class, () -> PersonId.ofPayload(-1));
  }

  @Test
  void parseForgivesWhatPeopleType() {
    for (PersonId id : SAMPLE) {
      String v = id.value();
      String bare = v.replace("-", "");
      assertEquals(Optional.of(id), PersonId.parse(v));
      assertEquals(Optional.of(id), PersonId.parse(v.toLowerCase()), "lower case");
      assertEquals(Optional.of(id), PersonId.parse(bare), "no hyphen");
      assertEquals(Optional.of(id), PersonId.parse(v.replace('-', ' ')), "space for hyphen");
      assertEquals(
          Optional.of(id),
          PersonId.parse(
              " "
                  + bare.substring(0, 3)
                  + " "
                  + bare.substring(3, 6)
                  + " "
                  + bare.substring(6)
                  + " "),
          "grouped in threes");
      assertEquals(
          Optional.of(id),
          PersonId.parse(bare.substring(0, 2) + "-" + bare.substring(2)),
          "hyphen elsewhere");
    }
  }

  @Test
  void parseReadsLookAlikeLetters() {
    PersonId id = withZeroAndOne();
    String v = id.value();
    assertEquals(Optional.of(id), PersonId.parse(v.replace('0', 'O')), "O for 0");
    assertEquals(Optional.of(id), PersonId.parse(v.replace('0', 'o')), "o for 0");
    assertEquals(Optional.of(id), PersonId.parse(v.replace('1', 'I')), "I for 1");
    assertEquals(Optional.of(id), PersonId.parse(v.replace('1', 'i')), "i for 1");
    assertEquals(Optional.of(id), PersonId.parse(v.replace('1', 'L')), "L for 1");
    assertEquals(Optional.of(id), PersonId.parse(v.replace('1', 'l')), "l for 1");
    assertEquals(
        Optional.of(id), PersonId.parse(v.replace('0', 'O').replace('1', 'l').toLowerCase()));
  }

  @Test
  void everySingleSymbolSubstitutionIsRejected() {
    int tried = 0;
    for (PersonId id : SAMPLE) {
      char[] bare = id.value().replace("-", "").toCharArray();
      for (int pos = 0; pos < bare.length; pos++) {
        char original = bare[pos];
        for (char c : Crockford32.ALPHABET.toCharArray()) {
          if (c == original) {
            continue;
          }
          bare[pos] = c;
          String typo = new String(bare);
          assertEquals(
              Optional.empty(),
              PersonId.parse(typo),
              () -> id + " mistyped as " + typo + " was accepted");
          tried++;
        }
        bare[pos] = original;
      }
    }
    assertEquals(SAMPLE.size() * 10 * 31, tried);
  }

  @Test
  void everyAdjacentTranspositionIsRejected() {
    int tried = 0;
    for (PersonId id : SAMPLE) {
      char[] bare = id.value().replace("-", "").toCharArray();
      for (int pos = 0;
          pos + 1 < bare.length;
          pos++) { // includes the pair either side of the hyphen
        if (bare[pos] == bare[pos + 1]) {
          continue;
        }
        char[] swapped = bare.clone();
        swapped[pos] = bare[pos + 1];
        swapped[pos + 1] = bare[pos];
        String typo = new String(swapped);
        assertEquals(
            Optional.empty(),
            PersonId.parse(typo),
            () -> id + " typed as " + typo + " was accepted");
        String hyphenated = typo.substring(0, 5) + "-" + typo.substring(5);
        assertEquals(Optional.empty(), PersonId.parse(hyphenated));
        tried++;
      }
    }
    assertTrue(tried > SAMPLE.size() * 7, "too few transpositions tried: " + tried);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "-",
        "0000",
        "00000-0000",
        "00000-000000",
        "ABCDE-FGHUJ",
        "ABCDE_FGHJK",
        "ÄBCDE-FGHJK",
        "00000+00000",
        "00000.00000"
      })
  void malformedIdsAreRejected(String typed) {
    assertEquals(Optional.empty(), PersonId.parse(typed));
  }

  @Test
  void nullIsRejected() {
    assertEquals(Optional.empty(), PersonId.parse(null));
  }

  @Test
  void tooManySymbolsAreRejected() {
    for (PersonId id : SAMPLE.subList(0, 20)) {
      for (char c : Crockford32.ALPHABET.toCharArray()) {
        assertEquals(Optional.empty(), PersonId.parse(id.value() + c));
      }
      assertEquals(
          Optional.empty(), PersonId.parse(id.value().substring(0, 10)), "a symbol missing");
    }
  }

  @Test
  void theConstructorTakesOnlyCanonicalIds() {
    PersonId id = SAMPLE.get(0);
    assertEquals(id, new PersonId(id.value()));
    assertThrows(IllegalArgumentException.class, () -> new PersonId(id.value().toLowerCase()));
    assertThrows(IllegalArgumentException.class, () -> new PersonId(id.value().replace("-", "")));
    assertThrows(IllegalArgumentException.class, () -> new PersonId(null));
    String wrongCheck = id.value().substring(0, 10) + (id.value().charAt(10) == '0' ? '1' : '0');
    assertThrows(IllegalArgumentException.class, () -> new PersonId(wrongCheck));
  }

  @Test
  void theCheckSymbolOfAKnownPayload() {
    // payload 0: nine zero symbols; the Damm check of all zeros is zero
    assertEquals("00000-00000", PersonId.ofPayload(0).value());
    // payload 1: 00000-0001 then check = 2 * 1 in GF(32) = 2
    assertEquals("00000-00012", PersonId.ofPayload(1).value());
    PersonId max = PersonId.ofPayload((1L << PersonId.PAYLOAD_BITS) - 1);
    assertTrue(max.value().startsWith("ZZZZZ-ZZZZ"), max.value());
    assertNotEquals(PersonId.ofPayload(1), PersonId.ofPayload(2));
  }
}
