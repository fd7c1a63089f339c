package org.nmis.tracing.index;

import java.util.ArrayList;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.tracing.journeys.VehicleRefs;

/**
 * What the index knows of one person: their canonical ID instance (every seat of theirs refers to
 * the person by this one object), their registration (null when none) and their seats on manifests.
 * The index keeps entries of seated persons only, without the registration, and joins the
 * registration in from the registration index when a question needs it.
 */
record PersonEntry(PersonId id, StoredRegistration registration, List<SeatRef> seats) {
  PersonEntry {
    seats = List.copyOf(seats);
  }

  static PersonEntry empty(PersonId id) {
    return new PersonEntry(id, null, List.of());
  }

  boolean isEmpty() {
    return registration == null && seats.isEmpty();
  }

  PersonEntry withRegistration(StoredRegistration r) {
    return new PersonEntry(id, r, seats);
  }

  PersonEntry withSeat(SeatRef seat) {
    List<SeatRef> next = new ArrayList<>(seats);
    next.add(seat);
    return new PersonEntry(id, registration, next);
  }

  PersonEntry withoutSeatsOf(SeatedRequest request) {
    return new PersonEntry(
        id, registration, seats.stream().filter(s -> s.request() != request).toList());
  }

  /**
   * Whether the registration's own journey is a trip the person is seated for: a train journey on
   * the date of a manifested train, naming that train or none. Its seat then says more, so the
   * registration journey is hidden.
   */
  boolean registrationSuperseded() {
    if (registration == null || seats.isEmpty()) {
      return false;
    }
    Registration r = registration.registration();
    if (r.mode() != TravelMode.TRAIN) {
      return false;
    }
    String ref = VehicleRefs.key(r.vehicleRef());
    for (SeatRef s : seats) {
      TrainRun run = s.request().run;
      if (run.date().equals(r.travelDate()) && (ref == null || ref.equals(run.trainNumber()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The registration when its journey is a journey of its own (not superseded by a seat), else
   * null.
   */
  Registration visibleRegistration() {
    return registration == null || registrationSuperseded() ? null : registration.registration();
  }
}
