package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.LTT_PATNA;
import static org.nmis.tracing.testing.TracingFixtures.MAHARASHTRA;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_20;
import static org.nmis.tracing.testing.TracingFixtures.MUMBAI;
import static org.nmis.tracing.testing.TracingFixtures.PUNE;
import static org.nmis.tracing.testing.TracingFixtures.PUNE_GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.UTTAR_PRADESH;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.registration;
import static org.nmis.tracing.testing.TracingFixtures.request;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.layout.BerthType;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.journeys.Journey;
import org.nmis.tracing.journeys.JourneySource;
import org.nmis.tracing.journeys.Seat;

class JourneysTest {
  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());

  @Test
  void aRegistrationIsAJourneyOnItsTravelDate() {
    registrations.upsert(registration(1).bus("MH12 AB 1234").on(MAY_20).accompanying(2).build());

    assertEquals(
        List.of(
            new Journey(
                JourneySource.REGISTRATION,
                TravelMode.BUS,
                MAY_20,
                "MH12 AB 1234",
                null,
                MAHARASHTRA,
                PUNE,
                null,
                UTTAR_PRADESH,
                GORAKHPUR,
                null,
                null,
                3)),
        index.journeys(person(1)));
  }

  @Test
  void aSeatSupersedesTheTrainJourneyOfTheSameDateThatNamesNoTrain() {
    registrations.upsert(registration(1).build());
    index.manifest(train(1).seat(1, "S1", 1).companion(1, 1, "S1", 2).build());

    assertEquals(
        List.of(
            new Journey(
                JourneySource.MANIFEST,
                TravelMode.TRAIN,
                MAY_18,
                PUNE_GORAKHPUR,
                new Seat("S1", 1, BerthType.LB, 1),
                MAHARASHTRA,
                PUNE,
                "PUNE",
                UTTAR_PRADESH,
                GORAKHPUR,
                "GKP",
                request(1),
                2)),
        index.journeys(person(1)));
  }

  @Test
  void aSeatSupersedesTheTrainJourneyNamingThatTrain() {
    registrations.upsert(registration(1).trainRef("01-901").build());
    index.manifest(train(1).seat(1, "S1", 1).build());

    assertEquals(List.of(JourneySource.MANIFEST), sources());
  }

  @Test
  void aTrainJourneyNamingAnotherTrainStaysBesideTheSeat() {
    registrations.upsert(registration(1).trainRef(LTT_PATNA).build());
    index.manifest(train(1).seat(1, "S1", 1).build());

    assertEquals(List.of(JourneySource.REGISTRATION, JourneySource.MANIFEST), sources());
  }

  @Test
  void aBusJourneyAndATrainAreTwoJourneysByDate() {
    registrations.upsert(registration(1).bus("UP53 T 0001").on(MAY_20).build());
    index.manifest(train(1).seat(1, "S1", 1).build());

    assertEquals(
        List.of(MAY_18, MAY_20), index.journeys(person(1)).stream().map(Journey::date).toList());
  }

  @Test
  void theOriginDistrictOfAWholeStateRequestComesFromTheRegistration() {
    registrations.upsert(registration(1).from(MAHARASHTRA, MUMBAI).build());
    index.manifest(train(1).wholeState().seat(1, "S1", 1).build());

    assertEquals(MUMBAI, index.journeys(person(1)).get(0).originDistrictCode());
  }

  @Test
  void aManifestBeforeTheRegistrationIsTraceableAlready() {
    index.manifest(train(1).wholeState().seat(1, "S1", 1).build());

    assertTrue(index.knows(person(1)));
    assertEquals(null, index.journeys(person(1)).get(0).originDistrictCode());
    assertTrue(index.registration(person(1)).isEmpty());
  }

  @Test
  void removingTheManifestBringsBackTheRegistrationJourney() {
    registrations.upsert(registration(1).build());
    index.manifest(train(1).seat(1, "S1", 1).build());
    index.removeManifest(request(1));

    assertEquals(List.of(JourneySource.REGISTRATION), sources());
    assertEquals(0, index.stats().seatedTravellers());
  }

  @Test
  void removingTheRegistrationKeepsTheSeat() {
    registrations.upsert(registration(1).build());
    index.manifest(train(1).seat(1, "S1", 1).build());
    registrations.remove(person(1));

    assertEquals(List.of(JourneySource.MANIFEST), sources());
    index.removeManifest(request(1));
    assertFalse(index.knows(person(1)));
  }

  @Test
  void aManifestMovedToAnotherTrainLeavesTheFirst() {
    index.manifest(train(1).seat(1, "S1", 1).seat(2, "S1", 2).build());
    index.manifest(train(1).number(LTT_PATNA).seat(1, "S1", 1).seat(2, "S1", 2).build());

    assertEquals(
        List.of(LTT_PATNA), index.journeys(person(1)).stream().map(Journey::vehicle).toList());
    assertTrue(index.contactEdges(PUNE_GORAKHPUR, MAY_18).isEmpty());
    assertEquals(new IndexStats(2, 1, 1, 0, 2), index.stats());
  }

  @Test
  void aManifestWithABerthOutsideTheRakeIsRefusedAndChangesNothing() {
    index.manifest(train(1).seat(1, "S1", 1).build());

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> index.manifest(train(1).seat(1, "S3", 1).build()));

    assertTrue(
        e.getMessage().startsWith("NMIS-TRC-101: the manifest of " + request(1) + " seats "),
        e.getMessage());
    assertEquals("S1", index.journeys(person(1)).get(0).seat().coach());
  }

  private List<JourneySource> sources() {
    return index.journeys(person(1)).stream().map(Journey::source).toList();
  }
}
