package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.movement.testing.MovementFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.movement.testing.RequestScenario;

class EscalationTest {
  /** A request submitted at T0 + 1 h (the scenario's clock moves an hour per step). */
  private static final Instant SUBMITTED_AT = T0.plus(Duration.ofHours(1));

  @Test
  void listsSubmittedRequestsWaitingLongerThanTheThreshold() {
    MovementRequest waiting = RequestScenario.at(RequestStatus.SUBMITTED).request();
    MovementRequest decided = RequestScenario.at(RequestStatus.ACCEPTED).request();
    MovementRequest draft = RequestScenario.at(RequestStatus.DRAFT).request();
    assertEquals(SUBMITTED_AT, waiting.submittedAt());
    Escalation escalation = new Escalation();
    List<MovementRequest> all = List.of(waiting, decided, draft);

    assertEquals(List.of(), escalation.overdue(all, SUBMITTED_AT.plus(Duration.ofHours(24))));
    Instant later = SUBMITTED_AT.plus(Duration.ofHours(24)).plusSeconds(1);
    assertEquals(
        List.of(new Escalation.Overdue(waiting, Duration.ofHours(24).plusSeconds(1))),
        escalation.overdue(all, later));
  }

  @Test
  void theThresholdIsConfigurableAndTheLongestWaitComesFirst() {
    RequestScenario early = RequestScenario.at(RequestStatus.SUBMITTED);
    RequestScenario late = RequestScenario.draft();
    late.clock.advance(Duration.ofHours(3));
    late.then(late.command(RequestAction.SUBMIT));
    Instant now = SUBMITTED_AT.plus(Duration.ofHours(6));

    List<Escalation.Overdue> overdue =
        new Escalation(Duration.ofHours(2)).overdue(List.of(late.request(), early.request()), now);
    assertEquals(
        List.of(early.request(), late.request()),
        overdue.stream().map(Escalation.Overdue::request).toList());
    assertEquals(
        List.of(Duration.ofHours(6), Duration.ofHours(3)),
        overdue.stream().map(Escalation.Overdue::waiting).toList());
    assertEquals(
        List.of(early.request()),
        new Escalation(Duration.ofHours(4))
            .overdue(List.of(late.request(), early.request()), now).stream()
                .map(Escalation.Overdue::request)
                .toList());
  }

  @Test
  void refusesANonPositiveThreshold() {
    assertThrows(IllegalArgumentException.class, () -> new Escalation(Duration.ZERO));
    assertEquals(Duration.ofHours(24), Escalation.DEFAULT_THRESHOLD);
  }
}
