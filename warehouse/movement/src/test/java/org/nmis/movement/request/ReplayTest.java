package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.requestId;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nmis.movement.testing.RequestScenario;

/**
 * After a restart the service rebuilds each request from its events: the fold must equal the live
 * state.
 */
class ReplayTest {
  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void foldingTheEventsGivesTheSameRequest(RequestStatus status) {
    RequestScenario s = RequestScenario.at(status);
    assertEquals(s.request(), MovementRequest.replay(s.events()));
  }

  @Test
  void everyPrefixOfAFullWalkReplaysToTheStateAtThatStep() {
    RequestScenario s = RequestScenario.at(RequestStatus.ARRIVED);
    List<RequestEvent> events = s.events();
    MovementRequest r = MovementRequest.replay(events.subList(0, 4));
    assertEquals(RequestStatus.TRAIN_BOOKED, r.status());
    assertEquals(4, r.version());
    assertEquals(s.request().booking(), r.booking());
    assertEquals(null, r.manifest());
    assertEquals(s.request(), MovementRequest.replay(events));
  }

  @Test
  void aBrokenLogIsRefused() {
    List<RequestEvent> events = RequestScenario.at(RequestStatus.MANIFESTED).events();
    List<RequestEvent> gap = new ArrayList<>(events);
    gap.remove(2);
    List<RequestEvent> duplicate = new ArrayList<>(events);
    duplicate.add(2, events.get(2));
    List<RequestEvent> otherRequest = new ArrayList<>(events);
    RequestEvent e = events.get(1);
    otherRequest.set(
        1,
        new RequestEvent(
            requestId(2),
            e.sequence(),
            e.from(),
            e.to(),
            e.action(),
            e.actor(),
            e.at(),
            e.reason(),
            e.details()));
    for (List<RequestEvent> broken :
        List.of(gap, duplicate, otherRequest, events.subList(1, events.size()))) {
      IllegalStateException x =
          assertThrows(IllegalStateException.class, () -> MovementRequest.replay(broken));
      assertTrue(x.getMessage().startsWith("NMIS-MOV-105: "), x.getMessage());
    }
  }

  @Test
  void anEventMustBeATransitionOfTheStateMachine() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RequestEvent(
                requestId(1),
                2,
                RequestStatus.DRAFT,
                RequestStatus.ACCEPTED,
                RequestAction.SUBMIT,
                "mh-state:STATE:27",
                T0,
                null,
                null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RequestEvent(
                requestId(1),
                2,
                RequestStatus.SUBMITTED,
                RequestStatus.ACCEPTED,
                RequestAction.ACCEPT,
                "up-state:STATE:9",
                T0,
                null,
                null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new RequestEvent(
                requestId(1),
                2,
                RequestStatus.DRAFT,
                RequestStatus.SUBMITTED,
                RequestAction.SUBMIT,
                "mh-state:STATE:27",
                T0,
                null,
                new Manifested(1, 0)));
  }
}
