package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.movement.testing.MovementFixtures.mhState;
import static org.nmis.movement.testing.MovementFixtures.upState;

import org.junit.jupiter.api.Test;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.testing.RequestScenario;

/** Two destination officers decide on the same request they both read at version 2. */
class VersionRaceTest {
  @Test
  void theSecondDecisionOnAStaleVersionIsRefused() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    assertEquals(2, s.request().version());
    MovementRequest seenByBoth = s.request();

    s.then(new RequestCommand.Accept(upState(), 500, null, "NOC-1", null, 2L));
    assertEquals(3, s.request().version());

    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.Reject(
                        upState(), null, null, "no room", seenByBoth.version())));
    assertEquals(MovementError.VERSION_MISMATCH, e.error());
    assertEquals(409, e.error().kind().httpStatus());
    assertEquals(
        "NMIS-MOV-004: request "
            + seenByBoth.id()
            + " is at version 3 (ACCEPTED), not the expected 2:"
            + " someone changed it since you read it; reload it and try again",
        e.getMessage());
    assertEquals(RequestStatus.ACCEPTED, s.request().status());
  }

  @Test
  void withoutAnExpectedVersionTheStateDecides() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.Reject(upState(), null, null, "no room", null)));
    assertEquals(MovementError.TRANSITION_NOT_ALLOWED, e.error());
  }

  @Test
  void theCurrentVersionIsAccepted() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    s.then(new RequestCommand.Cancel(mhState(), "train not available", 3L));
    assertEquals(RequestStatus.CANCELLED, s.request().status());
    assertEquals(4, s.request().version());
  }
}
