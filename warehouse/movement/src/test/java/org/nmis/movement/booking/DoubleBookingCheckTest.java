package org.nmis.movement.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.movement.testing.MovementFixtures.TRAVEL_DATE;
import static org.nmis.movement.testing.MovementFixtures.person;
import static org.nmis.movement.testing.MovementFixtures.persons;
import static org.nmis.movement.testing.MovementFixtures.requestId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.request.RequestAction;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.testing.FakeOtherBookings;
import org.nmis.movement.testing.RequestScenario;

class DoubleBookingCheckTest {
  private static final BookedTrip SAME_DAY = new BookedTrip(requestId(7), "01905", TRAVEL_DATE);
  private static final BookedTrip NEXT_DAY =
      new BookedTrip(requestId(8), "01907", TRAVEL_DATE.plusDays(1));
  private static final BookedTrip THIS_REQUEST = new BookedTrip(requestId(1), "01901", TRAVEL_DATE);

  @Test
  void findsPeopleOnAnotherTrainTheSameDay() {
    FakeOtherBookings other =
        new FakeOtherBookings()
            .add(person(2), SAME_DAY)
            .add(person(2), NEXT_DAY)
            .add(person(3), NEXT_DAY)
            .add(person(4), THIS_REQUEST);
    assertEquals(
        List.of(new DoubleBookingCheck.Clash(person(2), SAME_DAY)),
        DoubleBookingCheck.clashes(requestId(1), TRAVEL_DATE, persons(1, 4), other));
    assertEquals(
        List.of(),
        DoubleBookingCheck.clashes(requestId(1), TRAVEL_DATE, persons(1, 4), OtherBookings.NONE));
  }

  @Test
  void theWorkflowRefusesToBookSomeoneAlreadyOnAnotherTrain() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    s.otherBookings.add(person(2), SAME_DAY);
    MovementException e =
        assertThrows(
            MovementException.class,
            () -> s.workflow.apply(s.request(), s.command(RequestAction.BOOK_TRAIN)));
    assertEquals(MovementError.PERSON_ALREADY_BOOKED, e.error());
    assertEquals(409, e.error().kind().httpStatus());
    assertEquals(
        "NMIS-MOV-005: 1 accepted person(s) are already booked on another train on 2020-05-18: "
            + person(2)
            + " (train 01905, "
            + requestId(7)
            + "); cancel the other request or book this one on another"
            + " day",
        e.getMessage());
  }
}
