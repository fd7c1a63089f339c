package org.nmis.ingestion.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nmis.ingestion.synthetic.SyntheticMessage.Kind;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.StateFlow;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.testing.RegistrationFixtures;

class SyntheticRegistrationsTest {
  private static final int N = 100_000;
  private static final RegistrationValidator VALIDATOR =
      new RegistrationValidator(
          ReferenceData.get(), new AadhaarTokenizer(RegistrationFixtures.TEST_AADHAAR_KEY));
  private static final Set<Field> CORRECTABLE =
      Set.of(
          Field.DESTINATION_DISTRICT_CODE,
          Field.TRAVEL_DATE,
          Field.MOBILE,
          Field.PERSONS_ACCOMPANYING);

  private static List<SyntheticMessage> messages;
  private static SyntheticRegistrations.Counts counts;

  /** The registrations of the new valid messages, as the validator normalised them. */
  private static List<Registration> newRegistrations;

  /** The raw inputs of the new valid messages, for the formats the validator normalises away. */
  private static List<RegistrationInput> newInputs;

  @BeforeAll
  static void generateAndCheck() {
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(42)).stream(N);
    messages = drain(run);
    counts = run.counts();
    newRegistrations = new ArrayList<>();
    newInputs = new ArrayList<>();
    replay(
        messages,
        (input, registration) -> {
          newInputs.add(input);
          newRegistrations.add(registration);
        });
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
    List<SyntheticMessage> first =
        drain(new SyntheticRegistrations(SyntheticSettings.withSeed(7)).stream(20_000));
    SyntheticRegistrations again = new SyntheticRegistrations(SyntheticSettings.withSeed(7));
    assertEquals(first, drain(again.stream(20_000)));
    assertEquals(first, drain(again.stream(20_000)), "a second run of one generator starts over");
    List<SyntheticMessage> other =
        drain(new SyntheticRegistrations(SyntheticSettings.withSeed(8)).stream(20_000));
    assertNotEquals(first.get(0), other.get(0));
  }

  @Test
  void producesExactlyCountMessages() {
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(1)).stream(3);
    assertEquals(3, drain(run).size());
    assertFalse(run.hasNext());
    assertThrows(NoSuchElementException.class, run::next);
    assertFalse(new SyntheticRegistrations(SyntheticSettings.withSeed(1)).stream(0).hasNext());
    assertEquals(N, messages.size());
  }

  @Test
  void kindsComeAtTheConfiguredRates() {
    Map<Kind, Long> byKind =
        messages.stream()
            .collect(
                Collectors.groupingBy(
                    SyntheticMessage::kind,
                    () -> new EnumMap<>(Kind.class),
                    Collectors.counting()));
    assertShare(SyntheticSettings.DEFAULT_INVALID_RATE, byKind.get(Kind.NEW_INVALID), N, "invalid");
    assertShare(SyntheticSettings.DEFAULT_RESEND_RATE, byKind.get(Kind.RESEND), N, "re-sends");
    assertShare(
        SyntheticSettings.DEFAULT_CORRECTION_RATE, byKind.get(Kind.CORRECTION), N, "corrections");
  }

  @Test
  void countsMatchTheMessages() {
    assertEquals(N, counts.total());
    assertEquals(count(m -> m.kind() == Kind.NEW_VALID), counts.newValid());
    assertEquals(count(m -> m.kind() == Kind.NEW_INVALID), counts.newInvalid());
    assertEquals(count(m -> m.kind() == Kind.RESEND), counts.resends());
    assertEquals(count(m -> m.kind() == Kind.CORRECTION), counts.corrections());
    assertEquals(count(SyntheticMessage::valid), counts.accepted());
    Map<ErrorCode, Long> expected =
        messages.stream()
            .flatMap(m -> m.expectedErrors().stream())
            .collect(
                Collectors.groupingBy(
                    c -> c, () -> new EnumMap<>(ErrorCode.class), Collectors.counting()));
    assertEquals(expected, counts.expectedErrors());
  }

  @Test
  void invalidRowsBreakManyDifferentRulesSometimesTwoAtOnce() {
    assertTrue(
        counts.expectedErrors().size() >= 15, "rules broken: " + counts.expectedErrors().keySet());
    long twice = count(m -> m.defects().size() == 2);
    assertShare(0.20, twice, counts.newInvalid(), "rows with two defects");
    assertTrue(messages.stream().allMatch(m -> m.defects().size() <= 2));
    Map<Defect, Long> byDefect =
        messages.stream()
            .flatMap(m -> m.defects().stream())
            .collect(
                Collectors.groupingBy(
                    d -> d, () -> new EnumMap<>(Defect.class), Collectors.counting()));
    assertEquals(Set.of(Defect.values()), byDefect.keySet(), "every defect occurs in 100k rows");
    assertEquals(
        Defect.MOBILE_MALFORMED,
        byDefect.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
  }

  @Test
  void newKeysAreUniqueAndFollowTheStateNumbering() {
    Set<String> keys = new HashSet<>();
    for (SyntheticMessage m : messages) {
      RegistrationInput in = RegistrationJson.read(m.value()).orElseThrow();
      assertEquals(in.get(Field.SOURCE_STATE_CODE) + ":" + in.get(Field.SOURCE_RECORD_ID), m.key());
      if (m.kind() == Kind.NEW_VALID || m.kind() == Kind.NEW_INVALID) {
        assertTrue(keys.add(m.key()), "new registration under a used key: " + m);
      }
    }
    assertTrue(
        messages.get(0).key().matches("\\d{1,2}:[A-Z]{2}-2020-\\d{7}"), messages.get(0).key());
    Registration up =
        newRegistrations.stream().filter(r -> r.sourceStateCode() == 9).findFirst().orElseThrow();
    assertTrue(up.sourceRecordId().startsWith("UP-2020-"), up.sourceRecordId());
  }

  @Test
  void originsFollowTheCensusFlows() {
    List<StateFlow> flows = ReferenceData.get().census2011StateFlows();
    Map<Integer, Long> census =
        flows.stream()
            .filter(f -> f.originStateCode() != f.destinationStateCode())
            .collect(
                Collectors.groupingBy(
                    StateFlow::originStateCode, Collectors.summingLong(StateFlow::migrants)));
    long censusTotal = census.values().stream().mapToLong(Long::longValue).sum();
    Map<Integer, Long> generated =
        newRegistrations.stream()
            .collect(Collectors.groupingBy(Registration::originStateCode, Collectors.counting()));
    List<Integer> top =
        generated.entrySet().stream()
            .sorted(Map.Entry.<Integer, Long>comparingByValue(Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .limit(3)
            .toList();
    assertEquals(RegistrationFixtures.UTTAR_PRADESH, top.get(0), "top origins " + top);
    assertTrue(top.contains(RegistrationFixtures.BIHAR), "top origins " + top);
    for (int state : top) {
      double expected = (double) census.get(state) / censusTotal;
      double actual = (double) generated.get(state) / newRegistrations.size();
      assertEquals(expected, actual, 0.01, "share of origin state " + state);
    }
  }

  @Test
  void rowsLookLikeTheReturnMigration() {
    assertShare(
        Rows.SOURCE_IS_ORIGIN,
        countNew(r -> r.sourceStateCode() == r.originStateCode()),
        "uploaded by the origin state");
    assertShare(
        SyntheticSettings.DEFAULT_AADHAAR_RATE,
        countNew(r -> r.aadhaarToken() != null),
        "with Aadhaar");
    assertShare(Rows.GROUPED_SHARE, countNew(r -> r.groupRef() != null), "in a group");
    assertShare(
        Rows.DEVANAGARI_SHARE,
        countNew(
            r ->
                r.name()
                    .codePoints()
                    .anyMatch(
                        c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.DEVANAGARI)),
        "names in Devanagari");
    assertBetween(0.75, 0.85, countNew(r -> r.gender().name().equals("M")), "men");
    assertBetween(0.77, 0.83, countNew(r -> r.mode().name().equals("TRAIN")), "by train");
    assertBetween(0.16, 0.20, countNew(r -> r.mode().name().equals("BUS")), "by bus");
    assertBetween(0.80, 0.90, countNew(r -> r.age() >= 18 && r.age() <= 60), "aged 18-60");
    assertBetween(0.05, 0.15, countNew(r -> r.age() < 18), "children");
    assertBetween(0.02, 0.08, countNew(r -> r.age() > 60), "elderly");
    assertBetween(
        0.95, 1.0, countNew(r -> r.personsAccompanying() <= 4), "with at most 4 companions");
    assertBetween(
        0.80,
        0.90,
        countNew(r -> r.category() != null && r.category().name().equals("LABOUR")),
        "labourers");
    assertBetween(
        0.17,
        0.23,
        countNew(r -> r.vehicleRef() != null && r.vehicleRef().matches("0\\d{4}")),
        "with a train number");
    assertTrue(
        newRegistrations.stream()
            .allMatch(
                r ->
                    !r.travelDate().isBefore(TravelDates.FIRST)
                        && !r.travelDate().isAfter(TravelDates.LAST)));
    assertBetween(
        0.65, 0.75, countInputs(in -> in.get(Field.TRAVEL_DATE).charAt(4) == '-'), "ISO dates");
    assertBetween(
        0.15,
        0.25,
        countInputs(in -> in.get(Field.TRAVEL_DATE).charAt(2) == '-'),
        "DD-MM-YYYY dates");
    assertBetween(
        0.40, 0.50, countInputs(in -> in.get(Field.MOBILE).length() == 10), "plain mobile numbers");
    assertTrue(
        newInputs.stream().anyMatch(in -> in.get(Field.MOBILE).matches("\\+91 \\d{5} \\d{5}")));
    assertTrue(newInputs.stream().anyMatch(in -> in.get(Field.MOBILE).matches("0\\d{10}")));
  }

  @Test
  void groupsTravelTogether() {
    Map<String, List<Registration>> groups =
        newRegistrations.stream()
            .filter(r -> r.groupRef() != null)
            .collect(Collectors.groupingBy(Registration::groupRef));
    assertTrue(groups.size() > 1000);
    assertTrue(groups.keySet().stream().anyMatch(g -> g.startsWith("FAM-")));
    assertTrue(groups.keySet().stream().anyMatch(g -> g.startsWith("GRP-")));
    for (List<Registration> members : groups.values()) {
      Registration head = members.get(0);
      for (Registration r : members) {
        assertEquals(head.originDistrictCode(), r.originDistrictCode());
        assertEquals(head.destinationDistrictCode(), r.destinationDistrictCode());
        assertEquals(head.travelDate(), r.travelDate());
        assertEquals(head.mode(), r.mode());
      }
    }
  }

  @Test
  void resendsAndCorrectionsHoldWhenTheyAreMostOfTheStream() {
    SyntheticSettings busy = new SyntheticSettings(3, 0.1, 0.4, 0.3, 0.6);
    List<SyntheticMessage> stream = drain(new SyntheticRegistrations(busy).stream(20_000));
    replay(stream, (input, registration) -> {});
    assertBetween(
        0.35,
        0.45,
        stream.stream().filter(m -> m.kind() == Kind.RESEND).count(),
        20_000,
        "re-sends");
  }

  @Test
  void settingsRejectImpossibleRates() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSettings(1, -0.1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSettings(1, 0, 0, 0, 1.5));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticSettings(1, 0.5, 0.4, 0.2, 0));
    assertThrows(
        IllegalArgumentException.class, () -> new SyntheticSettings(1, Double.NaN, 0, 0, 0));
  }

  @Test
  void generatesFastEnoughForTheBenchmarks() {
    SyntheticRegistrations generator = new SyntheticRegistrations(SyntheticSettings.withSeed(5));
    drain(generator.stream(50_000));
    int n = 300_000;
    long start = System.nanoTime();
    long bytes = 0;
    for (SyntheticRegistrations.Run run = generator.stream(n); run.hasNext(); ) {
      bytes += run.next().value().length;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "synthetic registrations: %.0f messages/s, %.0f bytes/message%n",
        n / seconds, (double) bytes / n);
    // A loose floor, far below the 500k/s a warmed-up C2 JVM reaches (tests run C1-only), so that
    // only an
    // accidental slow path fails it.
    assertTrue(n / seconds > 20_000, "messages/s: " + n / seconds);
  }

  /**
   * Validates every message in order, checking what its kind promises, and hands each new valid
   * registration to {@code newValid}.
   */
  private static void replay(
      List<SyntheticMessage> stream, BiConsumer<RegistrationInput, Registration> newValid) {
    Map<String, byte[]> latestValue = new HashMap<>();
    Map<String, Registration> latest = new HashMap<>();
    for (SyntheticMessage m : stream) {
      RegistrationInput input = RegistrationJson.read(m.value()).orElseThrow();
      assertTrue(input.unknownFields().isEmpty() && input.nonTextFields().isEmpty(), m::toString);
      ValidationResult result = VALIDATOR.validate(input);
      if (m.kind() == Kind.NEW_INVALID) {
        ValidationResult.Invalid invalid =
            assertInstanceOf(ValidationResult.Invalid.class, result, m::toString);
        List<ErrorCode> reported =
            invalid.errors().stream().map(FieldError::code).sorted().toList();
        assertEquals(m.expectedErrors().stream().sorted().toList(), reported, m::toString);
        continue;
      }
      Registration registration =
          assertInstanceOf(ValidationResult.Valid.class, result, () -> m + " " + result)
              .registration();
      switch (m.kind()) {
        case NEW_VALID -> newValid.accept(input, registration);
        case RESEND -> assertArrayEquals(latestValue.get(m.key()), m.value(), m::toString);
        case CORRECTION -> {
          assertTrue(latest.containsKey(m.key()), m::toString);
          assertFalse(Arrays.equals(latestValue.get(m.key()), m.value()), m::toString);
          assertNotEquals(latest.get(m.key()), registration, m::toString);
          RegistrationInput before = RegistrationJson.read(latestValue.get(m.key())).orElseThrow();
          Set<Field> changed =
              Arrays.stream(Field.values())
                  .filter(f -> !Objects.equals(before.get(f), input.get(f)))
                  .collect(Collectors.toSet());
          assertTrue(
              !changed.isEmpty() && changed.size() <= 2 && CORRECTABLE.containsAll(changed),
              () -> "changed " + changed + ": " + m);
        }
      }
      latestValue.put(m.key(), m.value());
      latest.put(m.key(), registration);
    }
  }

  private static List<SyntheticMessage> drain(SyntheticRegistrations.Run run) {
    List<SyntheticMessage> out = new ArrayList<>();
    run.forEachRemaining(out::add);
    return out;
  }

  private static long count(Predicate<SyntheticMessage> p) {
    return messages.stream().filter(p).count();
  }

  private static long countNew(Predicate<Registration> p) {
    return newRegistrations.stream().filter(p).count();
  }

  private static long countInputs(Predicate<RegistrationInput> p) {
    return newInputs.stream().filter(p).count();
  }

  /** The observed share lies within five standard deviations of the expected one. */
  private static void assertShare(double expected, long observed, long of, String what) {
    double sigma = Math.sqrt(expected * (1 - expected) / of);
    assertEquals(expected, (double) observed / of, 5 * sigma, what + ": " + observed + " of " + of);
  }

  private static void assertShare(double expected, long observed, String what) {
    assertShare(expected, observed, newRegistrations.size(), what);
  }

  private static void assertBetween(double low, double high, long observed, String what) {
    assertBetween(low, high, observed, newRegistrations.size(), what);
  }

  private static void assertBetween(double low, double high, long observed, long of, String what) {
    double share = (double) observed / of;
    assertTrue(share >= low && share <= high, what + ": " + share);
  }
}
