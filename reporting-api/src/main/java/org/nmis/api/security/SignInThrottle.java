package org.nmis.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.nmis.api.config.NmisProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for sign-in: failed sign-ins are counted per user name and per client
 * address over a sliding window ({@code nmis.security.sign-in.*}); past either limit, every sign-in
 * with that name or from that address is refused (429) until the oldest failure leaves the window,
 * right password or not. A success clears the name's count. Memory is bounded: a name or address is
 * forgotten once its failures have left the window.
 */
@Component
public class SignInThrottle {
  private final NmisProperties.SignIn limits;
  private final Clock clock;
  private final Map<String, Deque<Instant>> byUser = new ConcurrentHashMap<>();
  private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

  @Autowired
  public SignInThrottle(NmisProperties properties) {
    this(properties.security().signIn(), Clock.systemUTC());
  }

  SignInThrottle(NmisProperties.SignIn limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /** Whether a sign-in may be tried, and if not, for how long it may not. */
  public record Decision(boolean allowed, long retryAfterSeconds, String reason) {}

  public Decision check(String username, String address) {
    Instant now = clock.instant();
    long user = wait(byUser, username, limits.maxFailuresPerUser(), now);
    long from = wait(byAddress, address, limits.maxFailuresPerAddress(), now);
    if (user == 0 && from == 0) {
      return new Decision(true, 0, null);
    }
    return new Decision(
        false,
        Math.max(user, from),
        user >= from
            ? "too many failed sign-ins for this user name"
            : "too many failed sign-ins from this address");
  }

  public void failed(String username, String address) {
    Instant now = clock.instant();
    add(byUser, username, now);
    add(byAddress, address, now);
  }

  public void succeeded(String username) {
    if (username != null) {
      byUser.remove(username);
    }
  }

  private void add(Map<String, Deque<Instant>> counts, String key, Instant now) {
    if (key == null) {
      return;
    }
    counts.compute(
        key,
        (k, q) -> {
          Deque<Instant> d = q == null ? new ArrayDeque<>() : q;
          expire(d, now);
          d.addLast(now);
          return d;
        });
    if (counts.size() > 10_000) {
      // A spray of names or addresses: drop those whose failures have all left the window.
      counts.entrySet().removeIf(e -> expired(e.getValue(), now));
    }
  }

  /** Seconds until the key may try again: 0 when under its limit. */
  private long wait(Map<String, Deque<Instant>> counts, String key, int max, Instant now) {
    if (key == null) {
      return 0;
    }
    Deque<Instant> d = counts.get(key);
    if (d == null) {
      return 0;
    }
    synchronized (d) {
      expire(d, now);
      if (d.size() < max) {
        return 0;
      }
      Instant free = d.peekFirst().plus(limits.window());
      return Math.max(1, Duration.between(now, free).toSeconds());
    }
  }

  private void expire(Deque<Instant> d, Instant now) {
    synchronized (d) {
      while (!d.isEmpty() && !d.peekFirst().plus(limits.window()).isAfter(now)) {
        d.removeFirst();
      }
    }
  }

  private boolean expired(Deque<Instant> d, Instant now) {
    synchronized (d) {
      return d.isEmpty() || !d.peekLast().plus(limits.window()).isAfter(now);
    }
  }
}
