package org.nmis.tracing.index;

import java.util.List;
import org.nmis.model.registration.StoredRegistration;

/** The first registrations whose name matches, best first, and how many matched in all. */
public record NameMatches(List<StoredRegistration> matches, int total) {
  public NameMatches {
    matches = List.copyOf(matches);
  }

  public boolean truncated() {
    return total > matches.size();
  }
}
