package org.nmis.tracing.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per user: up to {@code capacity} requests at once, refilled at {@code
 * refillPerMinute}. Exact integer arithmetic: a token is {@link #UNITS_PER_TOKEN} units (the
 * nanoseconds of a minute) and every elapsed nanosecond adds {@code refillPerMinute} units, so no
 * rounding drifts over a day of requests. Thread-safe; one small entry per user who ever asked
 * (users are accounts, not IP addresses, so the map stays small).
 */
public final class RateLimiter {
  static final long UNITS_PER_TOKEN = Duration.ofMinutes(1).toNanos();

  private final Clock clock;
  private final int capacity;
  private final int refillPerMinute;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** The units a bucket holds and when it was last filled. */
  private record Bucket(long units, Instant at) {}

  public RateLimiter(Clock clock, int capacity, int refillPerMinute) {
    if (capacity < 1 || refillPerMinute < 1) {
      throw new IllegalArgumentException(
          "NMIS-TRC-102: a rate limit of capacity "
              + capacity
              + " refilled "
              + refillPerMinute
              + " per minute lets nobody in; configure both at least 1");
    }
    this.clock = clock;
    this.capacity = capacity;
    this.refillPerMinute = refillPerMinute;
  }

  /**
   * Takes one token of the user's bucket if there is one; otherwise says how long until there will
   * be.
   */
  public RateDecision tryAcquire(String user) {
    Instant now = clock.instant();
    RateDecision[] decision = new RateDecision[1];
    buckets.compute(
        user,
        (k, b) -> {
          long units = b == null ? full() : refilled(b, now);
          if (units >= UNITS_PER_TOKEN) {
            units -= UNITS_PER_TOKEN;
            decision[0] = new RateDecision(true, Duration.ZERO, (int) (units / UNITS_PER_TOKEN));
          } else {
            long nanos = (UNITS_PER_TOKEN - units + refillPerMinute - 1) / refillPerMinute;
            decision[0] = new RateDecision(false, Duration.ofNanos(nanos), 0);
          }
          return new Bucket(units, now);
        });
    return decision[0];
  }

  private long full() {
    return capacity * UNITS_PER_TOKEN;
  }

  private long refilled(Bucket b, Instant now) {
    long elapsed =
        Math.max(0, Duration.between(b.at(), now).toNanos()); // a clock set back refills nothing
    long toFull = (full() - b.units() + refillPerMinute - 1) / refillPerMinute;
    return elapsed >= toFull ? full() : b.units() + elapsed * refillPerMinute;
  }
}
