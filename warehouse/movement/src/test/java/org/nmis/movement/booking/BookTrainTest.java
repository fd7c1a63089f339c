package org.nmis.movement.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.GORAKHPUR_JN;
import static org.nmis.movement.testing.MovementFixtures.PUNE_JN;
import static org.nmis.movement.testing.MovementFixtures.passenger;
import static org.nmis.movement.testing.MovementFixtures.person;
import static org.nmis.movement.testing.MovementFixtures.puneToGorakhpurSpecial;
import static org.nmis.movement.testing.MovementFixtures.railways;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.nmis.movement.request.RequestAction;
import org.nmis.movement.request.RequestCommand;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.testing.RequestScenario;

/**
 * Booking through the workflow: the booking rules see the request's own dates, states and accepted
 * persons.
 */
class BookTrainTest {
  @Test
  void theBookingIsKeptOnTheRequest() {
    RequestScenario s = RequestScenario.at(RequestStatus.TRAIN_BOOKED);
    assertEquals(puneToGorakhpurSpecial(), s.request().booking());
  }

  @Test
  void thePassengersMustBeExactlyTheAcceptedPersons() {
    RequestScenario s = RequestScenario.at(RequestStatus.SUBMITTED);
    s.then(s.command(RequestAction.PARTIALLY_ACCEPT));
    List<Passenger> wrong = new ArrayList<>(s.travelling().subList(0, 1));
    wrong.add(passenger(3).build());
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.BookTrain(
                        railways(), puneToGorakhpurSpecial(), wrong, null, null)));
    assertEquals(MovementError.PASSENGERS_NOT_ACCEPTED, e.error());
    assertTrue(
        e.getMessage()
            .contains(
                "not accepted or listed twice: [" + person(3) + "]; missing: [" + person(2) + "]"),
        e.getMessage());
  }

  @Test
  void theTrainMayNotRunBeforeTheAcceptanceDay() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    TrainBooking early =
        new TrainBooking(
            "01901",
            LocalDate.of(2020, 5, 9),
            PUNE_JN,
            GORAKHPUR_JN,
            Rake.shramik(),
            MiddleBerthPolicy.OCCUPIED);
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(),
                    new RequestCommand.BookTrain(railways(), early, s.travelling(), null, null)));
    assertEquals(MovementError.TRAIN_BEFORE_ACCEPTANCE, e.error());
  }
}
