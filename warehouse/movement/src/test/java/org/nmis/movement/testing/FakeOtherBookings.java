package org.nmis.movement.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmis.model.ids.PersonId;
import org.nmis.movement.booking.BookedTrip;
import org.nmis.movement.booking.OtherBookings;

/** The bookings table as a map a test fills. */
public final class FakeOtherBookings implements OtherBookings {
  private final Map<PersonId, List<BookedTrip>> trips = new HashMap<>();

  public FakeOtherBookings add(PersonId person, BookedTrip trip) {
    trips.computeIfAbsent(person, k -> new ArrayList<>()).add(trip);
    return this;
  }

  @Override
  public List<BookedTrip> of(PersonId person) {
    return trips.getOrDefault(person, List.of());
  }
}
