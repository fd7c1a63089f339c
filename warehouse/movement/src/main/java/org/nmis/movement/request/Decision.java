package org.nmis.movement.request;

import java.util.List;
import org.nmis.model.ids.PersonId;

/**
 * The destination state's answer. On accept and partial accept it names who may come, the
 * quarantine capacity ready for them and the NOC (no-objection certificate) number; a rejection
 * accepts nobody and has no NOC.
 */
public record Decision(
    int acceptedCount,
    List<PersonId> acceptedPersons,
    Integer quarantineCapacity,
    String facilityNotes,
    String nocNumber)
    implements EventDetails {

  public Decision {
    acceptedPersons = List.copyOf(acceptedPersons);
  }
}
