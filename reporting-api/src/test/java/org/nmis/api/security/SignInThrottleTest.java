package org.nmis.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.nmis.api.config.NmisProperties;

class SignInThrottleTest {
  /** A clock the test moves by hand. */
  private static final class Hand extends Clock {
    Instant now = Instant.parse("2020-05-20T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Hand clock = new Hand();
  private final SignInThrottle throttle =
      new SignInThrottle(new NmisProperties.SignIn(3, 5, Duration.ofMinutes(15)), clock);

  @Test
  void aNameIsRefusedAfterItsFailuresUntilTheOldestLeavesTheWindow() {
    for (int i = 0; i < 3; i++) {
      assertTrue(throttle.check("ramesh", "10.0.0." + i).allowed());
      throttle.failed("ramesh", "10.0.0." + i);
      clock.now = clock.now.plusSeconds(60);
    }
    SignInThrottle.Decision refused = throttle.check("ramesh", "10.0.0.99");
    assertFalse(refused.allowed(), "a fourth address does not help");
    assertEquals(12 * 60, refused.retryAfterSeconds());
    assertTrue(refused.reason().contains("user name"), refused.reason());
    assertTrue(throttle.check("sita", "10.0.0.99").allowed(), "other names are not affected");
    clock.now = clock.now.plusSeconds(12 * 60);
    assertTrue(throttle.check("ramesh", "10.0.0.99").allowed());
  }

  @Test
  void anAddressIsRefusedAfterFailuresUnderManyNames() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("user" + i, "10.9.9.9");
    }
    SignInThrottle.Decision refused = throttle.check("someone-new", "10.9.9.9");
    assertFalse(refused.allowed());
    assertTrue(refused.reason().contains("address"), refused.reason());
    assertTrue(throttle.check("someone-new", "10.9.9.8").allowed());
  }

  @Test
  void aSuccessClearsTheNamesCount() {
    throttle.failed("ramesh", "10.0.0.1");
    throttle.failed("ramesh", "10.0.0.1");
    throttle.succeeded("ramesh");
    throttle.failed("ramesh", "10.0.0.1");
    throttle.failed("ramesh", "10.0.0.1");
    assertTrue(throttle.check("ramesh", "10.0.0.1").allowed());
  }
}
