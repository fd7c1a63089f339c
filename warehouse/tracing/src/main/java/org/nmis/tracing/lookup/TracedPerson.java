package org.nmis.tracing.lookup;

import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;

/**
 * A person as a lookup answers: the registration and every journey by date. {@code registration} is
 * null for the few seconds between a manifest reaching the index and the person's registration
 * reaching it.
 */
public record TracedPerson(
    PersonId personId, StoredRegistration registration, List<TracedJourney> journeys) {
  public TracedPerson {
    journeys = List.copyOf(journeys);
  }
}
