package org.nmis.movement.booking;

import java.util.List;
import org.nmis.model.ids.PersonId;

/**
 * The trains each person is booked on across all requests. The service answers it from its bookings
 * table; the workflow only reads it, so the check stays pure.
 */
@FunctionalInterface
public interface OtherBookings {
  /** For a service that does not track bookings across requests (and for tests). */
  OtherBookings NONE = person -> List.of();

  List<BookedTrip> of(PersonId person);
}
