package org.nmis.tracing.limits;

import java.time.Duration;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;

/**
 * Whether one request may go ahead; when not, how long until it may (the Retry-After of the 429
 * answer). {@code remaining} is the number of requests the user may still make at once.
 */
public record RateDecision(boolean allowed, Duration retryAfter, int remaining) {

  /** Retry-After in whole seconds, rounded up so that a client that waits that long is let in. */
  public long retryAfterSeconds() {
    long s = retryAfter.getSeconds();
    return retryAfter.getNano() > 0 ? s + 1 : s;
  }

  /** The refusal to answer when not allowed, with code NMIS-TRC-009 and the wait. */
  public TracingException refusal(String user) {
    return new TracingException(
        TracingError.RATE_LIMITED,
        "user "
            + user
            + " has made more tracing lookups than"
            + " the per-minute limit allows, which stops bulk harvesting of personal data; retry after "
            + retryAfterSeconds()
            + " s, or use a bulk job for many index cases");
  }
}
