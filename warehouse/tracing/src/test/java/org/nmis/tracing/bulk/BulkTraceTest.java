package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.BIHAR;
import static org.nmis.tracing.testing.TracingFixtures.GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.MAHARASHTRA;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MUMBAI;
import static org.nmis.tracing.testing.TracingFixtures.PATNA;
import static org.nmis.tracing.testing.TracingFixtures.UTTAR_PRADESH;
import static org.nmis.tracing.testing.TracingFixtures.mobile;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.registration;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.ExposureLevel;
import org.nmis.tracing.exposure.LevelCount;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.testing.FakeMobileDirectory;
import org.nmis.tracing.testing.TracingFixtures;

class BulkTraceTest {
  private static final int TRAINS = 10;
  private static final int PER_TRAIN = 150;
  private static final int INDEX_PER_TRAIN = 100;
  private static final int[][] DESTINATIONS = {
    {UTTAR_PRADESH, GORAKHPUR}, {BIHAR, PATNA}, {MAHARASHTRA, MUMBAI}
  };

  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());
  private final FakeMobileDirectory mobiles = new FakeMobileDirectory();
  private final BulkTrace bulk = new BulkTrace(index, mobiles, TracingSettings.defaults());

  /**
   * Ten trains of 150 registrants in three coaches of 50 (berths 1-50, so bays of 8 from berth 1).
   * The first 100 of each train are index cases, given as mobiles (even persons, written
   * 0XXXXXXXXXX) or typed person IDs.
   */
  @Test
  void aThousandIndexCasesListEveryExposedPersonOnceWithTheStrongestLevelAndEveryCaseMet() {
    List<String> inputs = new ArrayList<>();
    for (int t = 0; t < TRAINS; t++) {
      TracingFixtures.TrainBuilder train =
          train(t + 1).number(String.format("030%02d", t)).coaches(3);
      for (int k = 0; k < PER_TRAIN; k++) {
        int n = number(t, k);
        int[] to = DESTINATIONS[k % 3];
        register(registration(n).to(to[0], to[1]).build());
        train.seat(n, 0, "S" + (k / 50 + 1), k % 50 + 1, to[1]);
        if (k < INDEX_PER_TRAIN) {
          inputs.add(
              n % 2 == 0
                  ? "0" + mobile(n).substring(3)
                  : person(n).value().toLowerCase().replace("-", ""));
        }
      }
      index.manifest(train.build());
    }

    BulkReport report = bulk.run(inputs, MAY_18, MAY_18);

    assertEquals(1_000, report.indexCases());
    assertEquals(List.of(), report.unresolved());
    List<ExposedPerson> rows =
        report.districts().stream().flatMap(d -> d.persons().stream()).toList();
    assertEquals(TRAINS * PER_TRAIN, rows.size());
    assertEquals(rows.size(), rows.stream().map(ExposedPerson::personId).distinct().count());
    Map<PersonId, int[]> where = new HashMap<>();
    for (int t = 0; t < TRAINS; t++) {
      for (int k = 0; k < PER_TRAIN; k++) {
        where.put(person(number(t, k)), new int[] {t, k});
      }
    }
    for (ExposedPerson p : rows) {
      int t = where.get(p.personId())[0];
      int k = where.get(p.personId())[1];
      assertEquals(expectedLevel(k), p.level(), p.personId() + " at " + k);
      assertEquals(expectedCasesMet(t, k), p.indexCasesMet(), p.personId().value());
      assertEquals(k < INDEX_PER_TRAIN, p.indexCase());
      assertEquals(DESTINATIONS[k % 3][1], p.destinationDistrictCode());
      assertEquals(MAY_18.plusDays(14), p.followUpUntil());
    }
    assertEquals(
        List.of(GORAKHPUR, PATNA, MUMBAI),
        report.districts().stream().map(DistrictList::districtCode).toList());
    for (DistrictList d : report.districts()) {
      assertEquals(
          Set.of(d.districtCode()),
          d.persons().stream()
              .map(ExposedPerson::destinationDistrictCode)
              .collect(Collectors.toSet()));
      assertEquals(
          d.persons().stream()
              .sorted(
                  Comparator.comparing(ExposedPerson::level)
                      .thenComparing(p -> p.personId().value()))
              .toList(),
          d.persons());
    }
    assertEquals(rows.size(), report.counts().stream().mapToInt(LevelCount::contacts).sum());
  }

  @Test
  void unknownAndMalformedInputsAreReportedWithTheirPositionsNotDropped() {
    smallTrain();
    List<String> inputs =
        List.of(
            "+91 90000 00001",
            "9999999999",
            "12345",
            " ",
            person(50).value(),
            person(2).value(),
            "090000-00001");

    BulkReport report = bulk.run(inputs, MAY_18, MAY_18);

    assertEquals(
        List.of(2, 3, 4, 5), report.unresolved().stream().map(UnresolvedInput::position).toList());
    assertEquals(
        List.of(
            UnresolvedReason.UNKNOWN_MOBILE,
            UnresolvedReason.MALFORMED,
            UnresolvedReason.MALFORMED,
            UnresolvedReason.UNKNOWN_PERSON_ID),
        report.unresolved().stream().map(UnresolvedInput::reason).toList());
    assertEquals("9999999999", report.unresolved().get(0).input());
    assertTrue(report.unresolved().get(0).message().contains("+919999999999"));
    assertEquals(List.of(1, 6, 7), report.resolved().stream().map(ResolvedCase::position).toList());
    assertEquals(2, report.indexCases());
  }

  @Test
  void anIndexCaseExposedToAnotherIsListedAndFlaggedButNeverExposedToItself() {
    smallTrain();

    BulkReport report = bulk.run(List.of(person(1).value(), person(2).value()), MAY_18, MAY_18);

    Map<PersonId, ExposedPerson> rows =
        report.districts().stream()
            .flatMap(d -> d.persons().stream())
            .collect(Collectors.toMap(ExposedPerson::personId, p -> p));
    assertEquals(Set.of(person(1), person(2), person(3)), rows.keySet());
    assertEquals(List.of(person(2)), rows.get(person(1)).indexCasesMet());
    assertTrue(rows.get(person(1)).indexCase());
    ExposedPerson three = rows.get(person(3));
    assertEquals(
        ExposureLevel.SAME_BAY, three.level()); // same bay as person 1, same coach as person 2
    assertEquals(
        List.of(person(1), person(2)).stream()
            .sorted(Comparator.comparing(PersonId::value))
            .toList(),
        three.indexCasesMet());
    assertEquals(2, three.travellers());
    assertEquals(false, three.indexCase());
    assertEquals("+919000000003", three.mobile());
    // Person 3 sat in person 1's bay, their companion in person 2's: both travellers count at
    // SAME_BAY.
    assertEquals(
        List.of(
            new LevelCount(ExposureLevel.SAME_BAY, 1, 2),
            new LevelCount(ExposureLevel.SAME_COACH, 2, 2),
            new LevelCount(ExposureLevel.SAME_TRAIN, 0, 0),
            new LevelCount(ExposureLevel.SAME_VEHICLE, 0, 0)),
        report.counts());
  }

  @Test
  void aSharedPhoneTracesEveryoneRegisteredWithIt() {
    smallTrain();
    register(registration(4).mobile(mobile(1)).build());
    index.manifest(train(2).seat(4, "S2", 70).build());

    BulkReport report = bulk.run(List.of(mobile(1)), MAY_18, MAY_18);

    assertEquals(
        Set.of(person(1), person(4)),
        report.resolved().stream().map(ResolvedCase::personId).collect(Collectors.toSet()));
    assertEquals(2, report.indexCases());
  }

  @Test
  void tenDigitsThatAreARegisteredMobileAndAKnownPersonIdAreAmbiguous() {
    PersonId digits = allDigitPersonId();
    String asMobile = "+91" + digits.value().replace("-", "");
    StoredRegistration byId = registration(1).build();
    register(
        new StoredRegistration(
            digits,
            byId.registration(),
            1,
            "mh-state",
            TracingFixtures.T0,
            "mh-state",
            TracingFixtures.T0));
    register(registration(2).mobile(asMobile).build());

    BulkReport report = bulk.run(List.of(digits.value().replace("-", "")), MAY_18, MAY_18);

    assertEquals(UnresolvedReason.AMBIGUOUS, report.unresolved().get(0).reason());
    assertEquals(0, report.indexCases());
    assertEquals(
        List.of(person(2)),
        bulk.run(List.of(asMobile), MAY_18, MAY_18).resolved().stream()
            .map(ResolvedCase::personId)
            .toList());
  }

  @Test
  void aJobWithoutIndexCasesOrWithTooManyIsRefused() {
    BulkTrace small =
        new BulkTrace(
            index, mobiles, new TracingSettings(TracingSettings.DEFAULT_FOLLOW_UP, 50, 2));

    assertEquals(
        TracingError.NO_INDEX_CASES,
        assertThrows(TracingException.class, () -> small.run(List.of(), MAY_18, MAY_18)).error());
    assertEquals(
        TracingError.TOO_MANY_INDEX_CASES,
        assertThrows(
                TracingException.class, () -> small.run(List.of("a", "b", "c"), MAY_18, MAY_18))
            .error());
    assertEquals(
        TracingError.INVALID_DATE_WINDOW,
        assertThrows(TracingException.class, () -> small.run(List.of("a"), MAY_18, null)).error());
  }

  /**
   * Persons 1, 2, 3 on 01901: 1 at S1/1, 2 at S1/20 (bay 3), 3 at S1/2 with a companion at S1/21
   * (bay 3).
   */
  private void smallTrain() {
    for (int n = 1; n <= 3; n++) {
      register(registration(n).accompanying(n == 3 ? 1 : 0).build());
    }
    index.manifest(
        train(1)
            .seat(1, "S1", 1)
            .seat(2, "S1", 20)
            .seat(3, "S1", 2)
            .companion(3, 1, "S1", 21)
            .build());
  }

  private void register(StoredRegistration r) {
    registrations.upsert(r);
    mobiles.add(r);
  }

  private static int number(int train, int k) {
    return train * 1_000 + k + 1;
  }

  /**
   * Index cases are k < 100: everyone shares a coach with one; in coach 1 and 2 a bay too, except
   * as below.
   */
  private static ExposureLevel expectedLevel(int k) {
    int coach = k / 50;
    int bay = k % 50 / 8;
    boolean bayHasOtherCase = false;
    boolean coachHasOtherCase = false;
    for (int c = 0; c < INDEX_PER_TRAIN; c++) {
      if (c != k && c / 50 == coach) {
        coachHasOtherCase = true;
        bayHasOtherCase |= c % 50 / 8 == bay;
      }
    }
    return bayHasOtherCase
        ? ExposureLevel.SAME_BAY
        : coachHasOtherCase ? ExposureLevel.SAME_COACH : ExposureLevel.SAME_TRAIN;
  }

  private static List<PersonId> expectedCasesMet(int train, int k) {
    List<PersonId> out = new ArrayList<>();
    for (int c = 0; c < INDEX_PER_TRAIN; c++) {
      if (c != k) {
        out.add(person(number(train, c)));
      }
    }
    out.sort(Comparator.comparing(PersonId::value));
    return out;
  }

  /**
   * A valid person ID of ten digits that also reads as a mobile (starts 9): rare, so built, not
   * drawn.
   */
  private static PersonId allDigitPersonId() {
    for (int i = 0; i < 1_000; i++) {
      for (int check = 0; check < 10; check++) {
        Optional<PersonId> id = PersonId.parse(String.format("98765%04d%d", i, check));
        if (id.isPresent()) {
          return id.get();
        }
      }
    }
    throw new IllegalStateException("no all-digit person ID starting 98765");
  }
}
