package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_BAY;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_COACH;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_TRAIN;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_VEHICLE;
import static org.nmis.tracing.index.ManifestedTrainContactsTest.contact;
import static org.nmis.tracing.index.ManifestedTrainContactsTest.levels;
import static org.nmis.tracing.testing.TracingFixtures.LTT_PATNA;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_19;
import static org.nmis.tracing.testing.TracingFixtures.MAY_20;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.registration;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.time.Period;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.Contact;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.exposure.Exposure;
import org.nmis.tracing.exposure.LevelCount;

class VehicleAndWindowContactsTest {
  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());

  @Test
  void aBusMatchesItsReferenceOnTheSameDateWhateverTheSpelling() {
    registrations.upsert(registration(1).bus("MH12 AB 1234").on(MAY_20).accompanying(1).build());
    registrations.upsert(registration(2).bus("mh-12-ab-1234").on(MAY_20).accompanying(2).build());
    registrations.upsert(registration(3).bus("MH12AB1234").on(MAY_19).build()); // the day before
    registrations.upsert(registration(4).bus("MH12AB9999").on(MAY_20).build()); // another bus
    registrations.upsert(registration(5).on(MAY_20).build()); // names no vehicle

    ContactReport report = index.contacts(person(1), MAY_18, MAY_20);

    assertEquals(Map.of(person(2), SAME_VEHICLE), levels(report));
    String id = person(2).value();
    assertEquals(
        List.of(
            new Exposure(MAY_20, TravelMode.BUS, "MH12 AB 1234", id, 0, SAME_VEHICLE, null),
            new Exposure(MAY_20, TravelMode.BUS, "MH12 AB 1234", id + "+1", 1, SAME_VEHICLE, null),
            new Exposure(MAY_20, TravelMode.BUS, "MH12 AB 1234", id + "+2", 2, SAME_VEHICLE, null)),
        report.contacts().get(0).exposures());
    assertEquals(new LevelCount(SAME_VEHICLE, 1, 3), report.count(SAME_VEHICLE));
  }

  @Test
  void anUnmanifestedTrainJourneyMeetsTheTrainItNamesAtVehicleLevelBothWays() {
    registrations.upsert(registration(6).trainRef("01901").build());
    index.manifest(train(1).seat(7, "S1", 1).build());

    Contact seven = contact(index.contacts(person(6), MAY_18, MAY_18), person(7));
    assertEquals(SAME_VEHICLE, seven.level());
    assertEquals("S1", seven.exposures().get(0).seat().coach());
    assertEquals(
        Map.of(person(6), SAME_VEHICLE), levels(index.contacts(person(7), MAY_18, MAY_18)));
  }

  @Test
  void theIndexCaseIsNeverTheirOwnContactWhateverWasFedFirst() {
    index.manifest(train(1).seat(1, "S1", 1).companion(1, 1, "S1", 2).seat(2, "S1", 3).build());
    registrations.upsert(
        registration(1).bus("01901").accompanying(1).build()); // a bus "named" like the train
    registrations.upsert(registration(2).build());

    assertEquals(Map.of(person(2), SAME_BAY), levels(index.contacts(person(1), MAY_18, MAY_18)));
    assertEquals(Map.of(person(1), SAME_BAY), levels(index.contacts(person(2), MAY_18, MAY_18)));
  }

  @Test
  void anUnmanifestedTrainJourneyWithoutReferenceMatchesNobody() {
    registrations.upsert(registration(6).build());
    index.manifest(train(1).seat(7, "S1", 1).build());

    assertEquals(Map.of(), levels(index.contacts(person(6), MAY_18, MAY_18)));
  }

  @Test
  void aPersonOnATrainAndABusGetsContactsFromBoth() {
    twoJourneys();

    assertEquals(
        Map.of(person(7), SAME_COACH, person(6), SAME_VEHICLE, person(9), SAME_VEHICLE),
        levels(index.contacts(person(8), MAY_18, MAY_19)));
  }

  @Test
  void aPersonOnTwoTrainsGetsContactsFromBothAtTheStrongestLevel() {
    index.manifest(train(1).seat(1, "S1", 1).seat(2, "S2", 1).seat(3, "S1", 20).build());
    index.manifest(
        train(2)
            .number(LTT_PATNA)
            .on(MAY_19)
            .seat(1, "S1", 1)
            .seat(2, "S1", 2)
            .seat(4, "S2", 5)
            .build());

    ContactReport report = index.contacts(person(1), MAY_18, MAY_19);

    assertEquals(
        Map.of(person(2), SAME_BAY, person(3), SAME_COACH, person(4), SAME_TRAIN), levels(report));
    Contact two = contact(report, person(2));
    assertEquals(
        List.of(SAME_TRAIN, SAME_BAY), two.exposures().stream().map(Exposure::level).toList());
    assertEquals(MAY_19, two.lastExposure());
    assertEquals(MAY_19.plusDays(14), two.followUpUntil());
    assertEquals(1, two.travellers());
  }

  @Test
  void theWindowKeepsOnlyJourneysWithinIt() {
    twoJourneys();

    assertEquals(
        Map.of(person(9), SAME_VEHICLE), levels(index.contacts(person(8), MAY_19, MAY_19)));
    assertEquals(
        Map.of(person(7), SAME_COACH, person(6), SAME_VEHICLE),
        levels(index.contacts(person(8), MAY_18, MAY_18)));
    assertEquals(Map.of(), levels(index.contacts(person(8), MAY_20, MAY_20.plusDays(30))));
  }

  @Test
  void followUpRunsFromTheLastExposureForTheConfiguredPeriod() {
    TracingIndex longer =
        TracingIndex.following(
            new RegistrationIndex(), TracingSettings.defaults().withFollowUp(Period.ofDays(21)));
    longer.manifest(train(1).seat(1, "S1", 1).seat(2, "S1", 2).build());

    Contact two = contact(longer.contacts(person(1), MAY_18, MAY_18), person(2));

    assertEquals(MAY_18, two.lastExposure());
    assertEquals(MAY_18.plusDays(21), two.followUpUntil());
  }

  @Test
  void aContactWhoseRegistrationIsNotIndexedYetHasTheManifestsNameAndNoMobile() {
    index.manifest(train(1).seat(1, "S1", 1).seat(2, "S1", 2).companion(2, 1, "S1", 3).build());

    Contact two = contact(index.contacts(person(1), MAY_18, MAY_18), person(2));

    assertEquals("Person 2", two.name());
    assertNull(two.mobile());
    assertEquals(1, two.personsAccompanying());
    assertEquals(9, two.destinationStateCode());
  }

  @Test
  void anEmptyWindowAndAnUnknownPersonAreRefusedWithTheirCodes() {
    registrations.upsert(registration(1).build());

    TracingException window =
        assertThrows(TracingException.class, () -> index.contacts(person(1), MAY_19, MAY_18));
    TracingException unknown =
        assertThrows(TracingException.class, () -> index.contacts(person(99), MAY_18, MAY_18));

    assertEquals(TracingError.INVALID_DATE_WINDOW, window.error());
    assertEquals(TracingError.UNKNOWN_PERSON, unknown.error());
    assertEquals("NMIS-TRC-001", unknown.error().code());
  }

  /**
   * Person 8: seated on 01901 on 18 May beside person 7 (other bay), and by bus UP53 T 0001 on 19
   * May with person 9. Person 6 registered train 01901 on 18 May without a seat.
   */
  private void twoJourneys() {
    registrations.upsert(registration(6).trainRef("01901").build());
    registrations.upsert(registration(8).bus("UP53 T 0001").on(MAY_19).build());
    registrations.upsert(registration(9).bus("UP53T0001").on(MAY_19).build());
    index.manifest(train(1).seat(8, "S1", 1).seat(7, "S1", 30).build());
  }
}
