package org.nmis.sms.outbox;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sender's thread: hands PENDING messages to the gateway one at a time at no more than {@code
 * rate} messages a second (0 = as fast as the gateway answers), backs off exponentially from {@code
 * backoff} up to {@code maxBackoff} while the gateway throttles (429, 5xx), and every {@code
 * resolveEvery} settles the messages whose answer was lost.
 */
public final class SendLoop implements AutoCloseable {
  private static final long IDLE_MILLIS = 100;

  private final SmsSender sender;
  private final long intervalNanos;
  private final Duration backoff;
  private final Duration maxBackoff;
  private final long resolveEveryNanos;
  private final Thread thread;
  private final AtomicLong handed = new AtomicLong();
  private final AtomicLong throttled = new AtomicLong();
  private volatile boolean running = true;

  public SendLoop(
      SmsSender sender, double rate, Duration backoff, Duration maxBackoff, Duration resolveEvery) {
    this.sender = sender;
    this.intervalNanos = rate <= 0 ? 0 : (long) (1_000_000_000L / rate);
    this.backoff = backoff;
    this.maxBackoff = maxBackoff;
    this.resolveEveryNanos = resolveEvery.toNanos();
    this.thread = new Thread(this::run, "sms-sender");
    this.thread.setDaemon(true);
  }

  public SendLoop start() {
    thread.start();
    return this;
  }

  /** Send calls made so far, and how many of them were throttled. */
  public long calls() {
    return handed.get();
  }

  public long throttled() {
    return throttled.get();
  }

  private void run() {
    Duration pause = backoff;
    long nextResolve = System.nanoTime();
    long nextSlot = System.nanoTime();
    while (running) {
      try {
        long now = System.nanoTime();
        if (now - nextResolve >= 0) {
          if (sender.hasSending()) {
            sender.resolveSending();
          }
          nextResolve = now + resolveEveryNanos;
        }
        if (!sender.hasPending()) {
          Thread.sleep(IDLE_MILLIS);
          continue;
        }
        long wait = nextSlot - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        nextSlot = Math.max(nextSlot, System.nanoTime() - intervalNanos) + intervalNanos;
        Optional<Duration> asked = sender.sendNext();
        handed.incrementAndGet();
        if (asked.isPresent()) {
          throttled.incrementAndGet();
          Duration sleep = asked.get().compareTo(pause) > 0 ? asked.get() : pause;
          Thread.sleep(sleep.toMillis());
          pause =
              pause.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : pause.multipliedBy(2);
        } else {
          pause = backoff;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The log (Kafka) refused a write, or Twilio's message list could not be read: nothing
        // changed; try again after a pause.
        System.getLogger(SendLoop.class.getName())
            .log(System.Logger.Level.WARNING, "sms sender: " + withoutNumbers(e));
        try {
          Thread.sleep(maxBackoff.toMillis());
        } catch (InterruptedException ie) {
          return;
        }
      }
    }
  }

  /**
   * An error's class and message with every run of 7 or more digits cut to its last four: an SDK
   * error can quote a URL with the recipient's number, which must not reach the logs.
   */
  static String withoutNumbers(Throwable e) {
    String message = String.valueOf(e.getMessage());
    return e.getClass().getSimpleName()
        + ": "
        + message.replaceAll("(%2B|\\+)?[0-9]{3,}([0-9]{4})", "[number ..$2]");
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
