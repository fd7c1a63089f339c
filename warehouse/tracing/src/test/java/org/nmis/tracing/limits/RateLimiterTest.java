package org.nmis.tracing.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nmis.movement.testing.MutableClock;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.testing.TracingFixtures;

/** Capacity 3, refilled 6 per minute: one token every 10 seconds. */
class RateLimiterTest {
  private final MutableClock clock = new MutableClock(TracingFixtures.T0);
  private final RateLimiter limiter = new RateLimiter(clock, 3, 6);

  @Test
  void aFullBucketLetsCapacityRequestsThroughThenSaysWhenToRetry() {
    assertEquals(new RateDecision(true, Duration.ZERO, 2), limiter.tryAcquire("health"));
    assertEquals(new RateDecision(true, Duration.ZERO, 1), limiter.tryAcquire("health"));
    assertEquals(new RateDecision(true, Duration.ZERO, 0), limiter.tryAcquire("health"));

    assertEquals(new RateDecision(false, Duration.ofSeconds(10), 0), limiter.tryAcquire("health"));
  }

  @Test
  void retryAfterShrinksAsTimePassesAndTheRequestIsLetInWhenItHasPassed() {
    drain("health");
    clock.advance(Duration.ofSeconds(4));
    RateDecision refused = limiter.tryAcquire("health");
    clock.advance(Duration.ofMillis(5_500));
    RateDecision stillRefused = limiter.tryAcquire("health");
    clock.advance(Duration.ofMillis(500));

    assertEquals(Duration.ofSeconds(6), refused.retryAfter());
    assertEquals(Duration.ofMillis(500), stillRefused.retryAfter());
    assertEquals(1, stillRefused.retryAfterSeconds());
    assertTrue(limiter.tryAcquire("health").allowed());
    assertFalse(limiter.tryAcquire("health").allowed());
  }

  @Test
  void theBucketRefillsNoFurtherThanItsCapacity() {
    drain("health");
    clock.advance(Duration.ofHours(5));

    assertEquals(2, limiter.tryAcquire("health").remaining());
    limiter.tryAcquire("health");
    limiter.tryAcquire("health");
    assertFalse(limiter.tryAcquire("health").allowed());
  }

  @Test
  void eachUserHasTheirOwnBucket() {
    drain("health");

    assertTrue(limiter.tryAcquire("up-state").allowed());
    assertFalse(limiter.tryAcquire("health").allowed());
  }

  @Test
  void aClockSetBackRefillsNothing() {
    drain("health");
    clock.advance(Duration.ofSeconds(-30));

    assertEquals(Duration.ofSeconds(10), limiter.tryAcquire("health").retryAfter());
  }

  @Test
  void theRefusalCarriesTheCodeAndTheWait() {
    drain("health");

    RateDecision refused = limiter.tryAcquire("health");

    assertEquals(TracingError.RATE_LIMITED, refused.refusal("health").error());
    assertEquals(429, refused.refusal("health").error().httpStatus());
    assertTrue(refused.refusal("health").getMessage().contains("retry after 10 s"));
  }

  @Test
  void aLimitThatLetsNobodyInIsAConfigurationError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(clock, 0, 6));

    assertTrue(e.getMessage().startsWith("NMIS-TRC-102"));
  }

  private void drain(String user) {
    for (int i = 0; i < 3; i++) {
      assertTrue(limiter.tryAcquire(user).allowed());
    }
  }
}
