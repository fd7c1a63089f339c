package org.nmis.tracing.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.PersonIdSet;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;

/**
 * The persons of each district, for lookups by name. Names are compared in place at query time (a
 * district holds thousands, a scan takes a millisecond) rather than kept a second time in a sorted,
 * normalised copy.
 */
final class DistrictNames {
  static final int MIN_QUERY_LENGTH = 2;
  private static final int NO_MATCH = -1;

  private final ConcurrentHashMap<Integer, PersonIdSet> districts = new ConcurrentHashMap<>();

  void add(int district, PersonId id) {
    districts.computeIfAbsent(district, k -> new PersonIdSet()).add(id);
  }

  void remove(int district, PersonId id) {
    districts.computeIfPresent(
        district,
        (k, members) -> {
          members.remove(id);
          return members.isEmpty() ? null : members;
        });
  }

  NameMatches search(
      String query, int district, int limit, Function<PersonId, StoredRegistration> registrations) {
    String q = query == null ? "" : query.strip().replaceAll("\\s+", " ");
    if (q.codePointCount(0, q.length()) < MIN_QUERY_LENGTH) {
      throw new TracingException(
          TracingError.INVALID_NAME_QUERY,
          "the name '"
              + q
              + "' is too short to search"
              + " on; send at least "
              + MIN_QUERY_LENGTH
              + " characters of the name");
    }
    record Match(int rank, StoredRegistration row) {}
    List<Match> found = new ArrayList<>();
    PersonIdSet members = districts.get(district);
    for (PersonId id : members == null ? List.<PersonId>of() : members.toList()) {
      StoredRegistration row = registrations.apply(id);
      int rank = row == null ? NO_MATCH : rank(row.registration().name(), q);
      if (rank != NO_MATCH) {
        found.add(new Match(rank, row));
      }
    }
    found.sort(
        Comparator.comparingInt(Match::rank)
            .thenComparing(m -> m.row().registration().name(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(m -> m.row().personId().value()));
    return new NameMatches(found.stream().limit(limit).map(Match::row).toList(), found.size());
  }

  /**
   * 0 when the name starts with the query, 1 when a later word does, 2 when it appears elsewhere,
   * else -1.
   */
  static int rank(String name, String query) {
    int best = NO_MATCH;
    int n = query.length();
    for (int i = 0; i + n <= name.length(); i++) {
      if (name.regionMatches(true, i, query, 0, n)) {
        int rank = i == 0 ? 0 : Character.isWhitespace(name.charAt(i - 1)) ? 1 : 2;
        if (rank < 2) {
          return rank; // the first match at a word start: nothing later ranks better
        }
        best = rank;
      }
    }
    return best;
  }
}
