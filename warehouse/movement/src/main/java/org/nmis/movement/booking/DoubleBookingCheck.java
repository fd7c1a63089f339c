package org.nmis.movement.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;

/**
 * Nobody travels on two trains the same day: finds people of a request already booked under another
 * one.
 */
public final class DoubleBookingCheck {
  /** How many clashes an error message names. */
  static final int NAMED_IN_MESSAGE = 5;

  /** A person of this request booked on another request's train the same day. */
  public record Clash(PersonId person, BookedTrip trip) {}

  private DoubleBookingCheck() {}

  /** Every clash, in the order of {@code persons}. */
  public static List<Clash> clashes(
      RequestId request,
      LocalDate date,
      Collection<PersonId> persons,
      OtherBookings otherBookings) {
    List<Clash> out = new ArrayList<>();
    for (PersonId p : persons) {
      for (BookedTrip trip : otherBookings.of(p)) {
        if (trip.date().equals(date) && !trip.requestId().equals(request)) {
          out.add(new Clash(p, trip));
        }
      }
    }
    return out;
  }

  /**
   * Throws {@link MovementError#PERSON_ALREADY_BOOKED} (409) naming the first clashes, if there are
   * any.
   */
  public static void requireNone(
      RequestId request,
      LocalDate date,
      Collection<PersonId> persons,
      OtherBookings otherBookings) {
    List<Clash> clashes = clashes(request, date, persons, otherBookings);
    if (!clashes.isEmpty()) {
      String named =
          clashes.stream()
              .limit(NAMED_IN_MESSAGE)
              .map(
                  c ->
                      c.person()
                          + " (train "
                          + c.trip().trainNumber()
                          + ", "
                          + c.trip().requestId()
                          + ")")
              .collect(Collectors.joining(", "));
      throw new MovementException(
          MovementError.PERSON_ALREADY_BOOKED,
          clashes.size()
              + " accepted person(s) are"
              + " already booked on another train on "
              + date
              + ": "
              + named
              + (clashes.size() > NAMED_IN_MESSAGE ? " and more" : "")
              + "; cancel the other request or book this"
              + " one on another day");
    }
  }
}
