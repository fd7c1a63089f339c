package org.nmis.movement.allocation;

import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Gender;

/**
 * One berth's worth of passenger: a registrant ({@code companion} 0) or one of their unnamed
 * companions, whose ID is the registrant's with {@code +1}, {@code +2}...; a companion's age and
 * gender are unknown (null) and their name is the registrant's followed by the same suffix.
 */
public record Traveller(
    String id,
    PersonId registrant,
    int companion,
    String name,
    Integer age,
    Gender gender,
    String groupRef,
    int destinationDistrictCode) {

  /** This traveller with {@code replacement} for the name if they are, or go with, {@code who}. */
  Traveller withNameErased(PersonId who, String replacement) {
    if (!registrant.equals(who)) {
      return this;
    }
    return new Traveller(
        id,
        registrant,
        companion,
        companion == 0 ? replacement : replacement + " +" + companion,
        age,
        gender,
        groupRef,
        destinationDistrictCode);
  }

  static Traveller registrant(Passenger p) {
    return new Traveller(
        p.personId().value(),
        p.personId(),
        0,
        p.name(),
        p.age(),
        p.gender(),
        p.groupRef(),
        p.destinationDistrictCode());
  }

  static Traveller companion(Passenger p, int n) {
    String suffix = "+" + n;
    return new Traveller(
        p.personId().value() + suffix,
        p.personId(),
        n,
        p.name() + " " + suffix,
        null,
        null,
        p.groupRef(),
        p.destinationDistrictCode());
  }
}
