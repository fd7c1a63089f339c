package org.nmis.movement.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Requests the destination state has left undecided for too long, for the ministry's escalation
 * list.
 */
public final class Escalation {
  public static final Duration DEFAULT_THRESHOLD = Duration.ofHours(24);

  /** A request waiting for its decision, and for how long. */
  public record Overdue(MovementRequest request, Duration waiting) {}

  private final Duration threshold;

  public Escalation(Duration threshold) {
    if (threshold == null || threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(
          "NMIS-MOV-106: the escalation threshold must be positive, was "
              + threshold
              + "; set it to a duration such as 24h");
    }
    this.threshold = threshold;
  }

  public Escalation() {
    this(DEFAULT_THRESHOLD);
  }

  /** SUBMITTED requests waiting longer than the threshold at {@code now}, longest waiting first. */
  public List<Overdue> overdue(Collection<MovementRequest> requests, Instant now) {
    return requests.stream()
        .filter(r -> r.status() == RequestStatus.SUBMITTED)
        .map(r -> new Overdue(r, Duration.between(r.submittedAt(), now)))
        .filter(o -> o.waiting().compareTo(threshold) > 0)
        .sorted(
            Comparator.comparing(Overdue::waiting)
                .reversed()
                .thenComparing(o -> o.request().id().value()))
        .toList();
  }
}
