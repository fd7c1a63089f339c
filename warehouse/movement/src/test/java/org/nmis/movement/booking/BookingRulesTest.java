package org.nmis.movement.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.movement.testing.MovementFixtures.GORAKHPUR_JN;
import static org.nmis.movement.testing.MovementFixtures.MAHARASHTRA;
import static org.nmis.movement.testing.MovementFixtures.PATNA_JN;
import static org.nmis.movement.testing.MovementFixtures.PUNE_JN;
import static org.nmis.movement.testing.MovementFixtures.TRAVEL_DATE;
import static org.nmis.movement.testing.MovementFixtures.UTTAR_PRADESH;
import static org.nmis.movement.testing.MovementFixtures.passenger;
import static org.nmis.movement.testing.MovementFixtures.passengers;
import static org.nmis.movement.testing.MovementFixtures.puneToGorakhpurSpecial;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.model.reference.ReferenceData;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

class BookingRulesTest {
  private static final BookingRules RULES = new BookingRules(ReferenceData.get());
  private static final LocalDate ACCEPTED_ON = LocalDate.of(2020, 5, 10);

  @Test
  void aBookingOnTheShramikRakeWithRoomPasses() {
    RULES.check(puneToGorakhpurSpecial(), MAHARASHTRA, UTTAR_PRADESH, ACCEPTED_ON, passengers(100));
    RULES.check(puneToGorakhpurSpecial(), MAHARASHTRA, UTTAR_PRADESH, TRAVEL_DATE, passengers(100));
  }

  @Test
  void stationsMustExist() {
    TrainBooking booking =
        new TrainBooking(
            "01901", TRAVEL_DATE, PUNE_JN, "ZZZZZ", Rake.shramik(), MiddleBerthPolicy.OCCUPIED);
    MovementException e = refused(booking, passengers(1));
    assertEquals(MovementError.UNKNOWN_STATION, e.error());
    assertEquals(
        "NMIS-MOV-012: destination station 'ZZZZZ' is not an Indian Railways station code of the"
            + " reference data; use the station's code, for example PUNE or GKP",
        e.getMessage());
  }

  @Test
  void theDestinationStationMustBeInTheDestinationState() {
    TrainBooking booking =
        new TrainBooking(
            "01901", TRAVEL_DATE, PUNE_JN, PATNA_JN, Rake.shramik(), MiddleBerthPolicy.OCCUPIED);
    MovementException e = refused(booking, passengers(1));
    assertEquals(MovementError.STATION_IN_WRONG_STATE, e.error());
    assertEquals(
        "NMIS-MOV-013: destination station PNBE (PATNA JN) is in Bihar (10), not in the request's"
            + " destination state Uttar Pradesh (9); choose a station in Uttar Pradesh (9)",
        e.getMessage());
  }

  @Test
  void theOriginStationMustBeInTheOriginState() {
    TrainBooking booking =
        new TrainBooking(
            "01901",
            TRAVEL_DATE,
            GORAKHPUR_JN,
            GORAKHPUR_JN,
            Rake.shramik(),
            MiddleBerthPolicy.OCCUPIED);
    assertEquals(MovementError.STATION_IN_WRONG_STATE, refused(booking, passengers(1)).error());
  }

  @Test
  void theTrainMayNotRunBeforeTheRequestWasAccepted() {
    TrainBooking booking =
        new TrainBooking(
            "01901",
            ACCEPTED_ON.minusDays(1),
            PUNE_JN,
            GORAKHPUR_JN,
            Rake.shramik(),
            MiddleBerthPolicy.OCCUPIED);
    MovementException e = refused(booking, passengers(1));
    assertEquals(MovementError.TRAIN_BEFORE_ACCEPTANCE, e.error());
    assertEquals(
        "NMIS-MOV-020: train 01901 runs on 2020-05-09, before the request was accepted on 2020-05-10;"
            + " book a train on or after 2020-05-10",
        e.getMessage());
  }

  @Test
  void registrantsAndPersonsAccompanyingMustFitTheRake() {
    TrainBooking oneCoachDistanced =
        new TrainBooking(
            "01901",
            TRAVEL_DATE,
            PUNE_JN,
            GORAKHPUR_JN,
            Rake.of("SL_ICF", 1),
            MiddleBerthPolicy.LEFT_EMPTY);
    List<Passenger> fiftyWithTenCompanions = new ArrayList<>(passengers(45));
    for (int n = 46; n <= 50; n++) {
      fiftyWithTenCompanions.add(passenger(n).accompanying(2).build());
    }
    MovementException e = refused(oneCoachDistanced, fiftyWithTenCompanions);
    assertEquals(MovementError.RAKE_TOO_SMALL, e.error());
    assertEquals(
        "NMIS-MOV-023: 60 travellers (50 registrants + 10 persons accompanying) do not fit the rake's 54"
            + " berths (1 x SL_ICF, middle berths left empty); add coaches, sell middle berths or book a second train",
        e.getMessage());
    RULES.check(
        oneCoachDistanced,
        MAHARASHTRA,
        UTTAR_PRADESH,
        ACCEPTED_ON,
        fiftyWithTenCompanions.subList(0, 48));
  }

  @Test
  void theFullShramikRakeHolds1728AndDistanced1296() {
    assertEquals(1728, puneToGorakhpurSpecial().capacity());
    assertEquals(
        1296,
        TrainBooking.shramik(
                "01901", TRAVEL_DATE, PUNE_JN, GORAKHPUR_JN, MiddleBerthPolicy.LEFT_EMPTY)
            .capacity());
  }

  @Test
  void aBookingChecksItsOwnShape() {
    MovementException number =
        assertThrows(
            MovementException.class,
            () ->
                TrainBooking.shramik(
                    "1901", TRAVEL_DATE, PUNE_JN, GORAKHPUR_JN, MiddleBerthPolicy.OCCUPIED));
    assertEquals(MovementError.INVALID_TRAIN_NUMBER, number.error());
    assertEquals(
        MovementError.MISSING_VALUE,
        assertThrows(
                MovementException.class,
                () ->
                    TrainBooking.shramik(
                        "01901", null, PUNE_JN, GORAKHPUR_JN, MiddleBerthPolicy.OCCUPIED))
            .error());
    assertEquals(
        "GKP",
        TrainBooking.shramik("01901", TRAVEL_DATE, PUNE_JN, " gkp ", MiddleBerthPolicy.OCCUPIED)
            .destinationStationCode());
    assertEquals(
        Rake.shramik(),
        new TrainBooking(
                "01901", TRAVEL_DATE, PUNE_JN, GORAKHPUR_JN, null, MiddleBerthPolicy.LEFT_EMPTY)
            .rake());
    assertEquals(
        MovementError.MISSING_VALUE,
        assertThrows(
                MovementException.class,
                () -> new TrainBooking("01901", TRAVEL_DATE, PUNE_JN, GORAKHPUR_JN, null, null))
            .error());
  }

  private static MovementException refused(TrainBooking booking, List<Passenger> travelling) {
    return assertThrows(
        MovementException.class,
        () -> RULES.check(booking, MAHARASHTRA, UTTAR_PRADESH, ACCEPTED_ON, travelling));
  }
}
