package org.nmis.tracing.lookup;

import java.util.List;
import java.util.Optional;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.index.NameMatches;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.journeys.Journey;

/**
 * The lookups of {@code GET /api/v1/tracing/persons}: takes what the caller typed, checks it, and
 * answers persons with their journeys and e-pass statuses. Masking and access checks stay with the
 * web layer, which knows the caller.
 */
public final class PersonLookup {
  private final TracingIndex index;
  private final MobileDirectory mobiles;
  private final EPassStatuses passes;
  private final TracingSettings settings;

  public PersonLookup(
      TracingIndex index, MobileDirectory mobiles, EPassStatuses passes, TracingSettings settings) {
    this.index = index;
    this.mobiles = mobiles;
    this.passes = passes;
    this.settings = settings;
  }

  /**
   * Everyone registered with the number, in any accepted format.
   *
   * @throws TracingException INVALID_MOBILE
   */
  public List<TracedPerson> byMobile(String mobile) {
    String normalised =
        MobileNumbers.normalise(mobile)
            .orElseThrow(
                () ->
                    new TracingException(
                        TracingError.INVALID_MOBILE,
                        "'"
                            + mobile
                            + "' is not an Indian mobile number; send 10 digits starting"
                            + " 6-9, optionally prefixed +91, 91 or 0"));
    return mobiles.byMobile(normalised).stream().map(r -> person(r.personId(), r)).toList();
  }

  /**
   * The person with this ID, as typed (case, spaces and hyphen forgiven).
   *
   * @throws TracingException INVALID_PERSON_ID
   */
  public Optional<TracedPerson> byPersonId(String typed) {
    PersonId id =
        PersonId.parse(typed)
            .orElseThrow(
                () ->
                    new TracingException(
                        TracingError.INVALID_PERSON_ID,
                        "'"
                            + typed
                            + "' is not a person ID; person IDs have 10 symbols written XXXXX-XXXXX, the last a check"
                            + " symbol, so a mistyped ID is caught: check it against the registration"));
    return byPersonId(id);
  }

  public Optional<TracedPerson> byPersonId(PersonId id) {
    if (!index.knows(id)) {
      return Optional.empty();
    }
    return Optional.of(person(id, index.registration(id).orElse(null)));
  }

  /**
   * Persons of a district (where they come from or go to) whose name contains {@code name},
   * ignoring case, at most the configured number, best matches first.
   *
   * @throws TracingException UNKNOWN_DISTRICT, INVALID_NAME_QUERY
   */
  public NameResults byName(String name, int districtCode) {
    if (ReferenceData.get().district(districtCode).isEmpty()) {
      throw new TracingException(
          TracingError.UNKNOWN_DISTRICT,
          "district code "
              + districtCode
              + " is not an"
              + " LGD district; send a code from GET /api/v1/reference/districts?state=<state code>");
    }
    NameMatches m = index.byName(name, districtCode, settings.nameResults());
    return new NameResults(
        m.matches().stream().map(r -> person(r.personId(), r)).toList(), m.total());
  }

  private TracedPerson person(PersonId id, StoredRegistration registration) {
    List<TracedJourney> journeys =
        index.journeys(id).stream().map(j -> new TracedJourney(j, passOf(id, j))).toList();
    return new TracedPerson(id, registration, journeys);
  }

  private EPassStatus passOf(PersonId id, Journey j) {
    return j.isManifested() ? passes.of(j.requestId(), id.value()) : EPassStatus.notIssued();
  }
}
