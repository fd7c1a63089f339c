package org.nmis.model.ids;

import java.util.Optional;

/**
 * A movement request's unique ID, written {@code MR-XXXXX-XXXXX}: the person-ID scheme (nine
 * Crockford symbols and a Damm check symbol, a keyed bijection of a log position) applied to the
 * position of the request's creation event in the movement log, under its own key. Unique by the
 * same argument as person IDs (docs/DATA_MODEL.md), and the prefix keeps the two kinds apart when
 * read out on the phone.
 */
public record RequestId(PersonId code) {
  public static final String PREFIX = "MR-";

  public RequestId {
    if (code == null) {
      throw new IllegalArgumentException("a request ID needs its code");
    }
  }

  /**
   * The scheme for request IDs, keyed apart from person IDs so the two never share a payload by
   * design.
   */
  public static PersonIdScheme scheme(String idsKey, int epoch) {
    return new PersonIdScheme(idsKey + "/movement-requests", epoch);
  }

  public static RequestId forLogPosition(PersonIdScheme requestScheme, int partition, long offset) {
    return new RequestId(requestScheme.forLogPosition(partition, offset));
  }

  /** Forgiving like {@link PersonId#parse}: the MR prefix is optional and case does not matter. */
  public static Optional<RequestId> parse(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String s = typed.strip();
    if (s.regionMatches(true, 0, "MR", 0, 2)) {
      s = s.substring(2);
      if (s.startsWith("-") || s.startsWith(" ")) {
        s = s.substring(1);
      }
    }
    return PersonId.parse(s).map(RequestId::new);
  }

  public String value() {
    return PREFIX + code.value();
  }

  @Override
  public String toString() {
    return value();
  }
}
