package org.nmis.tracing.bulk;

import java.util.List;
import java.util.Optional;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.lookup.MobileDirectory;

/**
 * Reads one index case: a mobile in any accepted format, or a person ID. Ten digits can be both (a
 * person ID may be all digits), so both readings are tried and the one that finds someone wins.
 */
final class IndexCaseResolver {
  /** The persons an input stands for, or why it stands for none. */
  record Resolution(List<PersonId> persons, UnresolvedReason reason, String message) {}

  private final TracingIndex index;
  private final MobileDirectory mobiles;

  IndexCaseResolver(TracingIndex index, MobileDirectory mobiles) {
    this.index = index;
    this.mobiles = mobiles;
  }

  Resolution resolve(String input) {
    String s = input == null ? "" : input.strip();
    Optional<String> mobile = MobileNumbers.normalise(s);
    Optional<PersonId> id = PersonId.parse(s);
    if (s.isEmpty() || mobile.isEmpty() && id.isEmpty()) {
      return refused(
          UnresolvedReason.MALFORMED,
          "'"
              + s
              + "' is neither a mobile number (10 digits starting 6-9,"
              + " optionally prefixed +91, 91 or 0) nor a person ID (XXXXX-XXXXX, whose last symbol checks the rest);"
              + " correct it and send it again");
    }
    List<PersonId> byMobile =
        mobile
            .map(
                m ->
                    mobiles.byMobile(m).stream()
                        .map(StoredRegistration::personId)
                        .filter(index::knows)
                        .toList())
            .orElse(List.of());
    boolean idKnown = id.isPresent() && index.knows(id.get());
    if (!byMobile.isEmpty() && idKnown) {
      return refused(
          UnresolvedReason.AMBIGUOUS,
          "'"
              + s
              + "' is both the registered mobile "
              + mobile.get()
              + " and the person ID "
              + id.get()
              + "; send a mobile as +91XXXXXXXXXX, or look the person up by ID");
    }
    if (!byMobile.isEmpty()) {
      return new Resolution(byMobile, null, null);
    }
    if (idKnown) {
      return new Resolution(List.of(id.get()), null, null);
    }
    if (mobile.isPresent()) {
      return refused(
          UnresolvedReason.UNKNOWN_MOBILE,
          "nobody traceable is registered with "
              + mobile.get()
              + "; check the number, or trace the person by ID or name");
    }
    return refused(
        UnresolvedReason.UNKNOWN_PERSON_ID,
        "no registration or manifest of person "
            + id.get()
            + " is indexed; check the ID against the registration");
  }

  private static Resolution refused(UnresolvedReason reason, String message) {
    return new Resolution(List.of(), reason, message);
  }
}
