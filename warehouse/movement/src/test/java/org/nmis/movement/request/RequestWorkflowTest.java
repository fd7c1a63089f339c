package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.GORAKHPUR_JN;
import static org.nmis.movement.testing.MovementFixtures.LTT;
import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.fourFromPuneToUttarPradesh;
import static org.nmis.movement.testing.MovementFixtures.mhState;
import static org.nmis.movement.testing.MovementFixtures.person;
import static org.nmis.movement.testing.MovementFixtures.persons;
import static org.nmis.movement.testing.MovementFixtures.puneDistrict;
import static org.nmis.movement.testing.MovementFixtures.railways;
import static org.nmis.movement.testing.MovementFixtures.requestId;
import static org.nmis.movement.testing.MovementFixtures.upState;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.TravelMode;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestAllocator;
import org.nmis.movement.testing.MovementFixtures;
import org.nmis.movement.testing.MovementFixtures.ProposalBuilder;
import org.nmis.movement.testing.RequestScenario;

class RequestWorkflowTest {
  @Test
  void createStartsADraftAndRecordsItsEvent() {
    RequestScenario s = RequestScenario.draft();
    MovementRequest r = s.request();
    RequestEvent e = s.events().get(0);
    assertEquals(
        new RequestEvent(
            requestId(1),
            1,
            null,
            RequestStatus.DRAFT,
            RequestAction.CREATE,
            "mh-state:STATE:27",
            T0,
            "first Shramik batch",
            new Created(MovementFixtures.MAHARASHTRA, null, fourFromPuneToUttarPradesh().build())),
        e);
    assertEquals(requestId(1).value() + "/1", e.eventId());
    assertEquals(RequestStatus.DRAFT, r.status());
    assertEquals(1, r.version());
    assertEquals(MovementFixtures.MAHARASHTRA, r.originStateCode());
    assertNull(r.originDistrictCode());
    assertEquals(MovementFixtures.UTTAR_PRADESH, r.destinationStateCode());
    assertEquals("mh-state:STATE:27", r.createdBy());
    assertEquals(T0, r.createdAt());
    assertEquals(T0, r.updatedAt());
  }

  @Test
  void aDistrictUserCreatesARequestOfTheirDistrict() {
    RequestScenario s = RequestScenario.draft(puneDistrict(), fourFromPuneToUttarPradesh().build());
    assertEquals(MovementFixtures.PUNE, s.request().originDistrictCode());
    assertEquals("pune-district:DISTRICT:27/490", s.events().get(0).actor());
  }

  @Test
  void everyTransitionRecordsWhoWhenAndWhy() {
    RequestScenario s = RequestScenario.at(RequestStatus.ARRIVED);
    List<RequestEvent> events = s.events();
    assertEquals(
        List.of(
            RequestAction.CREATE,
            RequestAction.SUBMIT,
            RequestAction.ACCEPT,
            RequestAction.BOOK_TRAIN,
            RequestAction.MANIFEST,
            RequestAction.DEPART,
            RequestAction.ARRIVE),
        events.stream().map(RequestEvent::action).toList());
    assertEquals(
        List.of(
            "mh-state:STATE:27",
            "mh-state:STATE:27",
            "up-state:STATE:9",
            "railways:RAILWAYS",
            "railways:RAILWAYS",
            "railways:RAILWAYS",
            "railways:RAILWAYS"),
        events.stream().map(RequestEvent::actor).toList());
    for (int i = 0; i < events.size(); i++) {
      RequestEvent e = events.get(i);
      assertEquals(i + 1, e.sequence());
      Instant expected =
          i < 5
              ? T0.plus(Duration.ofHours(i))
              : RequestScenario.DEPARTURE.plus(Duration.ofHours(i - 5));
      assertEquals(expected, e.at());
      assertEquals(i == 0 ? null : events.get(i - 1).to(), e.from());
    }
    assertEquals("first Shramik batch", events.get(0).reason());
    assertNull(events.get(1).reason());
    assertEquals(7, s.request().version());
    assertEquals(RequestScenario.DEPARTURE.plus(Duration.ofHours(1)), s.request().updatedAt());
  }

  @Test
  void aTrainDepartsAndArrivesOnlyOnOrAfterItsDate() {
    RequestScenario s = RequestScenario.at(RequestStatus.MANIFESTED);
    s.clock.set(
        RequestScenario.DEPARTURE.minus(Duration.ofHours(7))); // 23:00 the evening before, in India
    MovementException early =
        assertThrows(
            MovementException.class,
            () -> s.workflow.apply(s.request(), s.command(RequestAction.DEPART)));
    assertEquals(MovementError.BEFORE_TRAIN_DATE, early.error());
    assertTrue(early.getMessage().contains("runs on 2020-05-18"), early.getMessage());
    s.clock.set(RequestScenario.DEPARTURE.minus(Duration.ofHours(5))); // 01:00 on the day
    assertEquals(
        RequestStatus.DEPARTED,
        s.workflow.apply(s.request(), s.command(RequestAction.DEPART)).request().status());
  }

  @Test
  void acceptanceKeepsTheNocCapacityAndNotesOnTheRequest() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    MovementRequest r = s.request();
    assertEquals(
        new Decision(
            4, persons(1, 4), 500, "Gorakhpur quarantine centre, 2 halls", RequestScenario.NOC),
        r.decision());
    assertEquals(RequestScenario.NOC, r.nocNumber());
    assertEquals(persons(1, 4), r.acceptedPersons());
    assertEquals(T0.plus(Duration.ofHours(1)), r.submittedAt());
    assertEquals(T0.plus(Duration.ofHours(2)), r.decidedAt());
  }

  @Test
  void aPartialAcceptanceKeepsTheNamedPersonsInProposalOrder() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    s.then(
        new RequestCommand.PartiallyAccept(
            upState(),
            2,
            List.of(person(3), person(1)),
            10,
            null,
            " NOC-7 ",
            "room for two",
            null));
    assertEquals(RequestStatus.PARTIALLY_ACCEPTED, s.request().status());
    assertEquals(
        new Decision(2, List.of(person(1), person(3)), 10, null, "NOC-7"), s.request().decision());
  }

  static Stream<Arguments> badPartialAcceptances() {
    return Stream.of(
        Arguments.of(
            0, List.of(), "names no accepted persons; name them, or REJECT to accept nobody"),
        Arguments.of(2, List.of(person(1), person(1)), "names a person twice"),
        Arguments.of(
            1,
            List.of(person(9)),
            "names [" + person(9) + "], who are not passengers of this request"),
        Arguments.of(3, List.of(person(1), person(2)), "says 3 accepted but names 2 persons"),
        Arguments.of(4, persons(1, 4), "accepts all 4 passengers; use ACCEPT"));
  }

  @ParameterizedTest
  @MethodSource("badPartialAcceptances")
  void aPartialAcceptanceMustNameAStrictSubsetOfThePassengers(
      int count, List<PersonId> named, String problem) {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.PartiallyAccept(
                        upState(), count, named, 10, null, "NOC-7", null, null)));
    assertEquals(MovementError.INVALID_ACCEPTED_PERSONS, e.error());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  @Test
  void acceptingNeedsANocAndACapacityOfZeroOrMore() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    assertEquals(
        MovementError.NOC_REQUIRED,
        refused(s, new RequestCommand.Accept(upState(), 5, null, null, null, null)));
    assertEquals(
        MovementError.NOC_REQUIRED,
        refused(s, new RequestCommand.Accept(upState(), 5, null, "  ", null, null)));
    assertEquals(
        MovementError.TEXT_TOO_LONG,
        refused(
            s,
            new RequestCommand.Accept(
                upState(), 5, null, "N".repeat(RequestWorkflow.MAX_NOC + 1), null, null)));
    assertEquals(
        MovementError.INVALID_CAPACITY,
        refused(s, new RequestCommand.Accept(upState(), -1, null, "NOC-1", null, null)));
    assertEquals(
        MovementError.INVALID_CAPACITY,
        refused(s, new RequestCommand.Reject(upState(), -1, null, "full", null)));
  }

  @Test
  void rejectingAndCancellingNeedAReason() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    assertEquals(
        MovementError.REASON_REQUIRED,
        refused(s, new RequestCommand.Reject(upState(), null, null, " ", null)));
    assertEquals(
        MovementError.REASON_REQUIRED,
        refused(s, new RequestCommand.Cancel(mhState(), null, null)));
    assertEquals(
        MovementError.TEXT_TOO_LONG,
        refused(
            s,
            new RequestCommand.Cancel(mhState(), "x".repeat(RequestWorkflow.MAX_TEXT + 1), null)));
    s.then(
        new RequestCommand.Reject(upState(), 0, "all centres full", "no quarantine places", null));
    assertEquals(new Decision(0, List.of(), 0, "all centres full", null), s.request().decision());
    assertEquals(List.of(), s.request().acceptedPersons());
    assertEquals("no quarantine places", s.events().get(2).reason());
  }

  static Stream<Arguments> badProposals() {
    return Stream.of(
        Arguments.of((UnaryOperator<ProposalBuilder>) b -> b.to(99), MovementError.UNKNOWN_STATE),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.to(MovementFixtures.MAHARASHTRA),
            MovementError.SAME_ORIGIN_AND_DESTINATION),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.passengers(List.of()),
            MovementError.NO_PASSENGERS),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>)
                b -> b.passengers(List.of(person(1), person(2), person(1))),
            MovementError.DUPLICATE_PASSENGER),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.date(LocalDate.of(2020, 5, 9)),
            MovementError.DATE_IN_THE_PAST),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.date(null), MovementError.MISSING_VALUE),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.mode(null), MovementError.MISSING_VALUE),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.station(null), MovementError.MISSING_VALUE),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.station("QQQQQ"),
            MovementError.UNKNOWN_STATION),
        Arguments.of(
            (UnaryOperator<ProposalBuilder>) b -> b.station(GORAKHPUR_JN),
            MovementError.STATION_IN_WRONG_STATE));
  }

  @ParameterizedTest
  @MethodSource("badProposals")
  void aBadProposalIsRefusedOnCreateAndOnEdit(
      UnaryOperator<ProposalBuilder> change, MovementError expected) {
    Proposal bad = change.apply(fourFromPuneToUttarPradesh()).build();
    RequestScenario s = RequestScenario.draft();
    MovementException onCreate =
        assertThrows(
            MovementException.class,
            () -> s.workflow.create(requestId(2), new CreateRequest(mhState(), bad, null)));
    assertEquals(expected, onCreate.error());
    assertEquals(400, expected.kind().httpStatus());
    assertEquals(expected, refused(s, new RequestCommand.Edit(mhState(), bad, null, null)));
  }

  @Test
  void aProposalForTodayOrByBusWithoutStationIsFine() {
    RequestScenario today =
        RequestScenario.draft(
            mhState(),
            fourFromPuneToUttarPradesh().date(LocalDate.of(2020, 5, 10)).station(" ltt ").build());
    assertEquals(LTT, today.request().proposal().originStationCode());
    RequestScenario bus =
        RequestScenario.draft(
            mhState(), fourFromPuneToUttarPradesh().mode(TravelMode.BUS).station(null).build());
    assertNull(bus.request().proposal().originStationCode());
  }

  @Test
  void anEditReplacesTheProposalOfTheDraft() {
    RequestScenario s = RequestScenario.draft();
    Proposal changed = fourFromPuneToUttarPradesh().passengers(persons(1, 6)).station(LTT).build();
    s.then(new RequestCommand.Edit(mhState(), changed, "two more", 1L));
    assertEquals(changed, s.request().proposal());
    assertEquals(RequestStatus.DRAFT, s.request().status());
    assertEquals(changed, s.events().get(1).details());
  }

  @Test
  void onlyTrainRequestsAreBookedOnTrains() {
    RequestScenario s =
        RequestScenario.draft(
            mhState(), fourFromPuneToUttarPradesh().mode(TravelMode.BUS).station(null).build());
    s.then(s.command(RequestAction.SUBMIT)).then(s.command(RequestAction.ACCEPT));
    assertEquals(
        MovementError.NOT_A_TRAIN_REQUEST, refused(s, s.command(RequestAction.BOOK_TRAIN)));
  }

  @Test
  void aManifestRecordsItsCountsAndMaySeatOnlyAcceptedPersons() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    s.then(s.command(RequestAction.PARTIALLY_ACCEPT)).then(s.command(RequestAction.BOOK_TRAIN));
    Manifest everyone =
        new ManifestAllocator()
            .allocate(
                s.request().booking().rake(),
                s.request().booking().middleBerths(),
                List.of(
                    MovementFixtures.passenger(1).build(), MovementFixtures.passenger(3).build()),
                Manifest.empty());
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.RecordManifest(railways(), everyone, null, null)));
    assertEquals(MovementError.PASSENGERS_NOT_ACCEPTED, e.error());
    assertTrue(e.getMessage().contains("[" + person(3) + "]"), e.getMessage());

    s.then(s.command(RequestAction.MANIFEST));
    assertEquals(
        new Manifested(3, 0),
        s.request().manifest()); // person 1 alone, person 2 with one companion
    s.then(s.command(RequestAction.MANIFEST, mhState()));
    assertEquals(RequestStatus.MANIFESTED, s.request().status());
    assertEquals(6, s.request().version());
  }

  private static MovementError refused(RequestScenario s, RequestCommand command) {
    return assertThrows(MovementException.class, () -> s.workflow.apply(s.request(), command))
        .error();
  }
}
