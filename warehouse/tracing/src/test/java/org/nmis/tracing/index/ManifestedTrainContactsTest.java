package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_BAY;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_COACH;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_TRAIN;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_VEHICLE;
import static org.nmis.tracing.testing.TracingFixtures.LTT_PATNA;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_19;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.registration;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.layout.BerthType;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.Contact;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.exposure.Exposure;
import org.nmis.tracing.exposure.ExposureLevel;
import org.nmis.tracing.exposure.LevelCount;
import org.nmis.tracing.journeys.Seat;

/**
 * Train 01901 on 18 May with known seating (SL bays: berths 1-8 are bay 1, 9-16 bay 2, ...). Person
 * 1 is the index case in S1 berth 1, their companion in berth 2.
 */
class ManifestedTrainContactsTest {
  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());

  @BeforeEach
  void seatTheTrain() {
    for (int n = 1; n <= 10; n++) {
      registrations.upsert(registration(n).accompanying(n == 1 || n == 2 ? 1 : 0).build());
    }
    index.manifest(
        train(1)
            .seat(1, "S1", 1)
            .companion(1, 1, "S1", 2) // the index case and companion, bay 1
            .seat(2, "S1", 3)
            .companion(2, 1, "S1", 9) // bay 1; the companion in bay 2
            .seat(3, "S1", 8) // bay 1, side upper
            .seat(4, "S1", 17) // bay 3
            .seat(5, "S1", 72) // bay 9
            .seat(6, "S2", 1) // bay 1, but of the other coach
            .seat(7, "S2", 40)
            .build());
    index.manifest(train(2).seat(8, "S1", 4).build()); // another request, same train
    index.manifest(train(3).on(MAY_19).seat(9, "S1", 5).build()); // same train number, next day
    index.manifest(train(4).number(LTT_PATNA).seat(10, "S1", 6).build()); // another train, same day
  }

  @Test
  void eachCoTravellerGetsExactlyTheStrongestLevel() {
    ContactReport report = index.contacts(person(1), MAY_18, MAY_18);

    assertEquals(
        Map.of(
            person(2),
            SAME_BAY,
            person(3),
            SAME_BAY,
            person(8),
            SAME_BAY,
            person(4),
            SAME_COACH,
            person(5),
            SAME_COACH,
            person(6),
            SAME_TRAIN,
            person(7),
            SAME_TRAIN),
        levels(report));
  }

  @Test
  void anErasedCoTravellerIsNoContactAndTheOthersKeepTheirLevels() {
    Map<PersonId, ExposureLevel> before = levels(index.contacts(person(1), MAY_18, MAY_18));

    registrations.remove(person(3)); // erased; their seat stays in the manifest

    Map<PersonId, ExposureLevel> after = new java.util.HashMap<>(before);
    after.remove(person(3));
    assertEquals(after, levels(index.contacts(person(1), MAY_18, MAY_18)));
    assertTrue(index.details(person(3)).isEmpty(), "no name or number from the manifest either");
    registrations.upsert(registration(3).build()); // registered again: a contact again
    assertEquals(before, levels(index.contacts(person(1), MAY_18, MAY_18)));
  }

  @Test
  void countsPerLevelComeFirstForPartiesAndTravellers() {
    ContactReport report = index.contacts(person(1), MAY_18, MAY_18);

    // Person 2's party counts under SAME_BAY; their companion, in bay 2, as a SAME_COACH traveller.
    assertEquals(
        List.of(
            new LevelCount(SAME_BAY, 3, 3),
            new LevelCount(SAME_COACH, 2, 3),
            new LevelCount(SAME_TRAIN, 2, 2),
            new LevelCount(SAME_VEHICLE, 0, 0)),
        report.counts());
  }

  @Test
  void contactsAreSortedByLevelThenPersonId() {
    List<Contact> contacts = index.contacts(person(1), MAY_18, MAY_18).contacts();

    List<Contact> sorted =
        contacts.stream()
            .sorted(Comparator.comparing(Contact::level).thenComparing(c -> c.personId().value()))
            .toList();
    assertEquals(sorted, contacts);
    assertEquals(7, contacts.size());
  }

  @Test
  void aContactListsEachTravellerOfTheirPartyWithSeatAndLevel() {
    Contact two = contact(index.contacts(person(1), MAY_18, MAY_18), person(2));

    String id = person(2).value();
    assertEquals(
        List.of(
            new Exposure(
                MAY_18,
                TravelMode.TRAIN,
                "01901",
                id,
                0,
                SAME_BAY,
                new Seat("S1", 3, BerthType.UB, 1)),
            new Exposure(
                MAY_18,
                TravelMode.TRAIN,
                "01901",
                id + "+1",
                1,
                SAME_COACH,
                new Seat("S1", 9, BerthType.LB, 2))),
        two.exposures());
    assertEquals(2, two.travellers());
    assertEquals(1, two.personsAccompanying());
    assertEquals("Person 2", two.name());
    assertEquals("+919000000002", two.mobile());
    assertEquals(MAY_18, two.lastExposure());
    assertEquals(LocalDate.of(2020, 6, 1), two.followUpUntil());
  }

  @Test
  void theIndexCaseAndTheirOwnCompanionsAreNotContacts() {
    ContactReport report = index.contacts(person(1), MAY_18, MAY_18);

    assertFalse(levels(report).containsKey(person(1)));
    assertFalse(
        report.contacts().stream()
            .flatMap(c -> c.exposures().stream())
            .anyMatch(e -> e.travellerId().startsWith(person(1).value())));
  }

  @Test
  void exposureIsSymmetricForTheWholeParty() {
    Contact one = contact(index.contacts(person(2), MAY_18, MAY_18), person(1));

    assertEquals(SAME_BAY, one.level());
    assertEquals(2, one.travellers()); // the index case and companion both sat in person 2's bay
    assertEquals(
        List.of(SAME_BAY, SAME_BAY), one.exposures().stream().map(Exposure::level).toList());
  }

  @Test
  void theIndexCasesJourneysInTheWindowAreReported() {
    ContactReport report = index.contacts(person(1), MAY_18, MAY_18);

    assertEquals(1, report.indexJourneys().size());
    assertEquals(new Seat("S1", 1, BerthType.LB, 1), report.indexJourneys().get(0).seat());
  }

  @Test
  void aReplacedManifestReplacesTheSeats() {
    index.manifest(train(2).seat(8, "S2", 60).build());

    assertEquals(SAME_TRAIN, levels(index.contacts(person(1), MAY_18, MAY_18)).get(person(8)));
  }

  @Test
  void aRemovedManifestTakesItsTravellersOff() {
    index.removeManifest(train(2).build().requestId());

    assertFalse(levels(index.contacts(person(1), MAY_18, MAY_18)).containsKey(person(8)));
  }

  static Map<PersonId, ExposureLevel> levels(ContactReport report) {
    return report.contacts().stream().collect(Collectors.toMap(Contact::personId, Contact::level));
  }

  static Contact contact(ContactReport report, PersonId id) {
    return report.contacts().stream()
        .filter(c -> c.personId().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
