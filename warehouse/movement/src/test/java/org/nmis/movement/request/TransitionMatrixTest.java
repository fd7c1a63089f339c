package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.testing.RequestScenario;

/**
 * Every action from every state, each by the user entitled to it: allowed exactly where the issue
 * says.
 */
class TransitionMatrixTest {
  /** "FROM ACTION" -> the state it leads to; every other pair must be refused with 409. */
  private static final Map<String, RequestStatus> ALLOWED =
      Map.ofEntries(
          Map.entry("DRAFT EDIT", RequestStatus.DRAFT),
          Map.entry("DRAFT SUBMIT", RequestStatus.SUBMITTED),
          Map.entry("DRAFT CANCEL", RequestStatus.CANCELLED),
          Map.entry("SUBMITTED ACCEPT", RequestStatus.ACCEPTED),
          Map.entry("SUBMITTED PARTIALLY_ACCEPT", RequestStatus.PARTIALLY_ACCEPTED),
          Map.entry("SUBMITTED REJECT", RequestStatus.REJECTED),
          Map.entry("SUBMITTED CANCEL", RequestStatus.CANCELLED),
          Map.entry("ACCEPTED BOOK_TRAIN", RequestStatus.TRAIN_BOOKED),
          Map.entry("ACCEPTED CANCEL", RequestStatus.CANCELLED),
          Map.entry("PARTIALLY_ACCEPTED BOOK_TRAIN", RequestStatus.TRAIN_BOOKED),
          Map.entry("PARTIALLY_ACCEPTED CANCEL", RequestStatus.CANCELLED),
          Map.entry("TRAIN_BOOKED MANIFEST", RequestStatus.MANIFESTED),
          Map.entry("TRAIN_BOOKED CANCEL", RequestStatus.CANCELLED),
          Map.entry("MANIFESTED MANIFEST", RequestStatus.MANIFESTED),
          Map.entry("MANIFESTED DEPART", RequestStatus.DEPARTED),
          Map.entry("MANIFESTED CANCEL", RequestStatus.CANCELLED),
          Map.entry("DEPARTED ARRIVE", RequestStatus.ARRIVED));

  static Stream<Arguments> everyStateAndAction() {
    return Arrays.stream(RequestStatus.values())
        .flatMap(
            s ->
                Arrays.stream(RequestAction.values())
                    .filter(a -> a != RequestAction.CREATE)
                    .map(a -> Arguments.of(s, a)));
  }

  @ParameterizedTest(name = "{1} from {0}")
  @MethodSource("everyStateAndAction")
  void onlyTheSensibleTransitionsAreAllowed(RequestStatus from, RequestAction action) {
    RequestScenario s = RequestScenario.at(from);
    assertEquals(from, s.request().status());
    RequestCommand command = s.command(action);
    RequestStatus expected = ALLOWED.get(from + " " + action);
    if (expected != null) {
      long version = s.request().version();
      s.then(command);
      assertEquals(expected, s.request().status());
      assertEquals(version + 1, s.request().version());
    } else {
      MovementException e =
          assertThrows(MovementException.class, () -> s.workflow.apply(s.request(), command));
      assertEquals(MovementError.TRANSITION_NOT_ALLOWED, e.error());
      assertEquals(409, e.error().kind().httpStatus());
      assertTrue(
          e.getMessage().startsWith("NMIS-MOV-003: cannot " + action + " request "),
          e.getMessage());
      assertTrue(e.getMessage().contains(": it is " + from + ", and"), e.getMessage());
    }
  }

  @Test
  void theMatrixCoversSeventeenTransitionsOutOfOneHundred() {
    assertEquals(100, everyStateAndAction().count());
    assertEquals(17, ALLOWED.size());
  }

  @Test
  void finalStatesAllowNothing() {
    for (RequestStatus s :
        new RequestStatus[] {
          RequestStatus.REJECTED, RequestStatus.ARRIVED, RequestStatus.CANCELLED
        }) {
      for (RequestAction a : RequestAction.values()) {
        assertEquals(false, a.allowedFrom(s), a + " from " + s);
      }
    }
  }
}
