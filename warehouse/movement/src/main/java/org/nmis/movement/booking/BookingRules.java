package org.nmis.movement.booking;

import java.time.LocalDate;
import java.util.Collection;
import org.nmis.model.reference.ReferenceData;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.layout.Rake;

/**
 * Whether a train booking fits its request: real stations in the right states, a date after
 * acceptance, room.
 */
public final class BookingRules {
  private final StationCheck stations;

  public BookingRules(ReferenceData reference) {
    this.stations = new StationCheck(reference);
  }

  /**
   * Throws a {@link MovementException} (400) naming the first rule the booking breaks.
   *
   * @param acceptedOn the Indian date on which the destination state accepted the request
   * @param travelling the accepted passengers; each needs a berth for themselves and one per person
   *     accompanying
   */
  public void check(
      TrainBooking booking,
      int originStateCode,
      int destinationStateCode,
      LocalDate acceptedOn,
      Collection<Passenger> travelling) {
    stations.require(booking.originStationCode(), originStateCode, "origin");
    stations.require(booking.destinationStationCode(), destinationStateCode, "destination");
    if (booking.date().isBefore(acceptedOn)) {
      throw new MovementException(
          MovementError.TRAIN_BEFORE_ACCEPTANCE,
          "train "
              + booking.trainNumber()
              + " runs on "
              + booking.date()
              + ", before the request was accepted on "
              + acceptedOn
              + "; book a train on or after "
              + acceptedOn);
    }
    int registrants = travelling.size();
    int accompanying = travelling.stream().mapToInt(Passenger::personsAccompanying).sum();
    int capacity = booking.capacity();
    if (registrants + accompanying > capacity) {
      throw new MovementException(
          MovementError.RAKE_TOO_SMALL,
          (registrants + accompanying)
              + " travellers ("
              + registrants
              + " registrants + "
              + accompanying
              + " persons accompanying) do not fit"
              + " the rake's "
              + capacity
              + " berths ("
              + describe(booking.rake())
              + ", middle berths "
              + booking.middleBerths().name().toLowerCase().replace('_', ' ')
              + "); add coaches, sell middle berths"
              + " or book a second train");
    }
  }

  private static String describe(Rake rake) {
    StringBuilder sb = new StringBuilder();
    for (Rake.Section s : rake.sections()) {
      sb.append(sb.length() == 0 ? "" : " + ").append(s.coaches()).append(" x ").append(s.layout());
    }
    return sb.toString();
  }
}
