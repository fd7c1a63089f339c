package org.nmis.movement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MovementErrorTest {
  @Test
  void codesAreUniqueAndStable() {
    assertEquals(
        MovementError.values().length,
        Arrays.stream(MovementError.values()).map(MovementError::code).distinct().count());
    assertEquals("NMIS-MOV-001", MovementError.ROLE_NOT_PERMITTED.code());
    assertEquals("NMIS-MOV-003", MovementError.TRANSITION_NOT_ALLOWED.code());
    assertEquals("NMIS-MOV-025", MovementError.NOT_A_TRAIN_REQUEST.code());
  }

  @Test
  void kindsMapToHttpStatuses() {
    assertEquals(403, MovementError.OUTSIDE_JURISDICTION.kind().httpStatus());
    assertEquals(409, MovementError.VERSION_MISMATCH.kind().httpStatus());
    assertEquals(409, MovementError.PERSON_ALREADY_BOOKED.kind().httpStatus());
    assertEquals(400, MovementError.RAKE_TOO_SMALL.kind().httpStatus());
  }

  @Test
  void theDetailIsTheMessageWithoutItsCode() {
    MovementException e =
        new MovementException(MovementError.NO_PASSENGERS, "the request lists no passengers");
    assertEquals("NMIS-MOV-008: the request lists no passengers", e.getMessage());
    assertEquals("the request lists no passengers", e.detail());
  }
}
