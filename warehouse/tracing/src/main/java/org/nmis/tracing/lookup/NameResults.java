package org.nmis.tracing.lookup;

import java.util.List;

/** The first persons whose name matches, best first, and how many matched in all. */
public record NameResults(List<TracedPerson> persons, int total) {
  public NameResults {
    persons = List.copyOf(persons);
  }

  public boolean truncated() {
    return total > persons.size();
  }
}
