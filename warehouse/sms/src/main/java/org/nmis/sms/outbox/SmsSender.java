package org.nmis.sms.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends the outbox at most once per message, across crashes. Each step is written to the log before
 * it counts: SENDING before the gateway is called, the SID after. A message left SENDING (a crash
 * or a lost answer between the two) is never sent blindly again: {@link #resolveSending()} looks it
 * up at the gateway; found, it takes the gateway's SID and state; not found once {@code settle} has
 * passed since the attempt, it goes back to PENDING. Thread-safe; the gateway is called without the
 * lock, so receipts are recorded while a send is under way.
 */
public final class SmsSender {
  private final Outbox outbox = new Outbox();
  private final OutboxLog log;
  private final SmsGateway gateway;
  private final Clock clock;
  private final Duration settle;

  public SmsSender(OutboxLog log, SmsGateway gateway, Clock clock, Duration settle) {
    this.log = log;
    this.gateway = gateway;
    this.clock = clock;
    this.settle = settle;
  }

  /** Rebuilds the outbox from the log, then resolves the messages a crash left SENDING. */
  public void recover() {
    rebuild();
    resolveSending();
  }

  /** Rebuilds the outbox from the log only (sending is off: there is no gateway to ask). */
  public synchronized void rebuild() {
    for (OutboxEvent e : log.readAll()) {
      outbox.apply(e);
    }
  }

  /**
   * Adds a message unless its ID is already in the outbox (a trigger fired twice); true if added.
   */
  public synchronized boolean enqueue(OutboxMessage m) {
    if (outbox.contains(m.id())) {
      return false;
    }
    record(new OutboxEvent.Enqueued(m, clock.instant()));
    return true;
  }

  /**
   * Plans messages against the outbox as it is and adds those whose ID it does not hold yet, in one
   * step (no other change comes between the look and the add); returns how many were added.
   */
  public synchronized int enqueueAll(Function<OutboxView, List<OutboxMessage>> plan) {
    int added = 0;
    for (OutboxMessage m : plan.apply(outbox)) {
      if (!outbox.contains(m.id())) {
        record(new OutboxEvent.Enqueued(m, clock.instant()));
        added++;
      }
    }
    return added;
  }

  /**
   * Sends the oldest PENDING message, if any: empty when there was nothing to send or it went out;
   * the pause the gateway asked for when it throttled.
   */
  public Optional<Duration> sendNext() {
    OutboxMessage m;
    synchronized (this) {
      Optional<OutboxMessage> next = outbox.oldestPending();
      if (next.isEmpty()) {
        return Optional.empty();
      }
      m = next.get();
      record(new OutboxEvent.Sending(m.id(), m.attempts() + 1, clock.instant()));
    }
    SmsGateway.Outcome outcome = gateway.send(m);
    synchronized (this) {
      Instant now = clock.instant();
      if (outcome instanceof SmsGateway.Accepted a) {
        record(new OutboxEvent.HandedOver(m.id(), a.sid(), a.status(), now));
      } else if (outcome instanceof SmsGateway.Refused r) {
        record(new OutboxEvent.Refused(m.id(), r.errorCode(), false, now));
      } else if (outcome instanceof SmsGateway.Throttled t) {
        record(new OutboxEvent.Refused(m.id(), t.errorCode(), true, now));
        return Optional.of(t.retryAfter());
      }
      // Unknown: the message stays SENDING until resolveSending() finds out.
      return Optional.empty();
    }
  }

  /** Whether a message waits to be sent. */
  public synchronized boolean hasPending() {
    return outbox.oldestPending().isPresent();
  }

  /** Whether a message waits for its outcome to be resolved. */
  public synchronized boolean hasSending() {
    return !outbox.inStatus(SmsStatus.SENDING).isEmpty();
  }

  /** Settles every SENDING message whose outcome is known at the gateway or can no longer come. */
  public void resolveSending() {
    List<OutboxMessage> sending;
    synchronized (this) {
      sending = outbox.inStatus(SmsStatus.SENDING);
    }
    for (OutboxMessage m : sending) {
      Optional<SmsGateway.Found> found =
          gateway.sentTo(m.to(), m.updatedAt().minus(Duration.ofMinutes(1))).stream()
              .filter(f -> f.body().equals(m.body()))
              .findFirst();
      synchronized (this) {
        if (outbox.get(m.id()).map(OutboxMessage::status).orElse(null) != SmsStatus.SENDING) {
          continue; // a receipt or another resolver settled it meanwhile
        }
        Instant now = clock.instant();
        if (found.isPresent()) {
          record(new OutboxEvent.HandedOver(m.id(), found.get().sid(), found.get().status(), now));
        } else if (!now.isBefore(m.updatedAt().plus(settle))) {
          record(new OutboxEvent.Refused(m.id(), "NOT_AT_GATEWAY", true, now));
        }
      }
    }
  }

  /** A delivery receipt for a SID (Twilio's status callback). */
  public synchronized void report(String sid, SmsStatus status, String errorCode) {
    if (outbox.bySid(sid).isPresent()) {
      record(new OutboxEvent.Reported(sid, status, errorCode, clock.instant()));
    }
  }

  /**
   * A person was erased: their messages keep only what is not theirs (see {@link
   * OutboxEvent.Erased}), in the log first, as every change.
   */
  public synchronized void erase(String personId) {
    record(new OutboxEvent.Erased(personId, clock.instant()));
  }

  /** The number replied STOP. */
  public synchronized void optOut(String to) {
    if (!outbox.isOptedOut(to)) {
      record(new OutboxEvent.OptedOut(to, clock.instant()));
    }
  }

  public synchronized Optional<OutboxMessage> get(String id) {
    return outbox.get(id);
  }

  public synchronized List<OutboxMessage> all() {
    return List.copyOf(outbox.all());
  }

  private void record(OutboxEvent e) {
    log.append(e, outbox.changes(e));
    outbox.apply(e);
  }
}
