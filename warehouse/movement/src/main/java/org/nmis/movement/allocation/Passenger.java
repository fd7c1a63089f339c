package org.nmis.movement.allocation;

import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;

/**
 * A registered person to seat, with what allocation needs from their registration. {@code groupRef}
 * is null when they travel on their own; {@code personsAccompanying} more berths go to their
 * unnamed companions.
 */
public record Passenger(
    PersonId personId,
    String name,
    int age,
    Gender gender,
    String groupRef,
    int personsAccompanying,
    int destinationDistrictCode) {

  public Passenger {
    if (personId == null || name == null || gender == null) {
      throw new IllegalArgumentException("a passenger needs a person ID, a name and a gender");
    }
    if (personsAccompanying < 0) {
      throw new IllegalArgumentException("persons accompanying of " + personId + " is negative");
    }
    groupRef = groupRef == null || groupRef.isBlank() ? null : groupRef.strip();
  }

  public static Passenger of(StoredRegistration stored) {
    Registration r = stored.registration();
    return new Passenger(
        stored.personId(),
        r.name(),
        r.age(),
        r.gender(),
        r.groupRef(),
        r.personsAccompanying(),
        r.destinationDistrictCode());
  }

  /** The registrant and their companions. */
  public int berthsNeeded() {
    return 1 + personsAccompanying;
  }
}
