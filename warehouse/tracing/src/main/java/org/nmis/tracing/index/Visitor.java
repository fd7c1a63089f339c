package org.nmis.tracing.index;

import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Registration;
import org.nmis.tracing.exposure.ExposureLevel;

/**
 * What a walk over an index case's journeys finds: seated travellers one line at a time, unseated
 * parties whole. {@code vehicle} is the index case's journey (train number or vehicle reference as
 * registered).
 */
interface Visitor {
  void seated(SeatedRequest request, int line, ExposureLevel level, String vehicle);

  void party(PersonId registrant, Registration registration, String vehicle);
}
