package org.nmis.tracing.index;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.TravelMode;
import org.nmis.movement.allocation.Traveller;
import org.nmis.tracing.exposure.Contact;
import org.nmis.tracing.exposure.Exposure;
import org.nmis.tracing.exposure.ExposureLevel;

/**
 * Gathers the exposures of one index case by contact (registrant), then turns them into sorted
 * contacts.
 */
final class ContactCollector implements Visitor {
  private static final Comparator<Contact> ORDER =
      Comparator.comparing(Contact::level).thenComparing(c -> c.personId().value());

  private final Map<PersonId, List<Exposure>> byRegistrant = new HashMap<>();

  @Override
  public void seated(SeatedRequest r, int line, ExposureLevel level, String vehicle) {
    Traveller t = r.lines.get(line).traveller();
    add(
        r.registrants[line],
        new Exposure(
            r.run.date(), TravelMode.TRAIN, vehicle, t.id(), t.companion(), level, r.seat(line)));
  }

  /**
   * A whole party matched by vehicle reference: seating unknown, so every traveller is
   * SAME_VEHICLE.
   */
  @Override
  public void party(PersonId registrant, Registration r, String vehicle) {
    String id = registrant.value();
    for (int n = 0; n <= r.personsAccompanying(); n++) {
      add(
          registrant,
          new Exposure(
              r.travelDate(),
              r.mode(),
              vehicle,
              n == 0 ? id : id + "+" + n,
              n,
              ExposureLevel.SAME_VEHICLE,
              null));
    }
  }

  /**
   * Keeps one exposure per traveller and journey, the strongest (a person may be reached two ways).
   */
  private void add(PersonId registrant, Exposure x) {
    List<Exposure> exposures = byRegistrant.computeIfAbsent(registrant, k -> new ArrayList<>(2));
    for (int i = 0; i < exposures.size(); i++) {
      Exposure e = exposures.get(i);
      if (e.companion() == x.companion()
          && e.date().equals(x.date())
          && e.vehicle().equals(x.vehicle())) {
        if (x.level().isStrongerThan(e.level())) {
          exposures.set(i, x);
        }
        return;
      }
    }
    exposures.add(x);
  }

  /**
   * The contacts, strongest level first; a contact removed from the index meanwhile is left out.
   */
  List<Contact> contacts(Function<PersonId, ContactDetails> details, Period followUp) {
    List<Contact> out = new ArrayList<>(byRegistrant.size());
    byRegistrant.forEach(
        (registrant, exposures) -> {
          ContactDetails d = details.apply(registrant);
          if (d != null) {
            out.add(contact(registrant, d, exposures, followUp));
          }
        });
    out.sort(ORDER);
    return out;
  }

  private static Contact contact(
      PersonId registrant, ContactDetails d, List<Exposure> exposures, Period followUp) {
    ExposureLevel level = null;
    LocalDate last = null;
    long travellers = 0;
    for (Exposure e : exposures) {
      level = ExposureLevel.strongest(e.level(), level);
      last = last == null || e.date().isAfter(last) ? e.date() : last;
      travellers |= 1L << e.companion(); // companion numbers are at most 20, the validator's limit
    }
    exposures.sort(
        Comparator.comparing(Exposure::date)
            .thenComparing(Exposure::vehicle)
            .thenComparingInt(Exposure::companion));
    return new Contact(
        registrant,
        d.name(),
        d.mobile(),
        d.destinationStateCode(),
        d.destinationDistrictCode(),
        d.personsAccompanying(),
        level,
        Long.bitCount(travellers),
        exposures,
        last,
        last.plus(followUp));
  }
}
