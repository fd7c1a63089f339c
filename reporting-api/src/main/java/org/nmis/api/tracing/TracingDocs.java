package org.nmis.api.tracing;

import java.util.List;
import org.nmis.api.persons.PersonDoc;
import org.nmis.tracing.lookup.TracedJourney;

/**
 * The contract of tracing lookups (documentation only: the answers are made by PolicyProjection).
 */
final class TracingDocs {
  private TracingDocs() {}

  /**
   * A lookup's answer: the persons found; {@code total} and {@code truncated} only for a search by
   * name.
   *
   * @param persons each with their registration as the policy shows it (null while it is on its
   *     way)
   */
  record Lookup(int count, List<Traced> persons, Integer total, Boolean truncated) {}

  record Traced(String personId, PersonDoc registration, List<TracedJourney> journeys) {}
}
