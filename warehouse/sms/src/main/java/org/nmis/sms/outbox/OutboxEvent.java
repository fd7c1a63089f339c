package org.nmis.sms.outbox;

import java.time.Instant;

/**
 * Every change of the outbox, in the order it happened. The outbox is the fold of these events: a
 * durable log of them (Kafka in the service, a list in tests) survives a crash, and a restart
 * replays it.
 */
public sealed interface OutboxEvent {
  Instant at();

  /** A trigger asked for this message (ignored if its ID is already in the outbox). */
  record Enqueued(OutboxMessage message, Instant at) implements OutboxEvent {}

  /** Written before the gateway is called: from now on the message may exist at the gateway. */
  record Sending(String id, int attempt, Instant at) implements OutboxEvent {}

  /** The gateway took the message under this SID. */
  record HandedOver(String id, String sid, SmsStatus status, Instant at) implements OutboxEvent {}

  /**
   * The gateway refused the message, or a SENDING message was proved never to have reached it:
   * {@code retry} puts it back to PENDING, otherwise it is FAILED with the code.
   */
  record Refused(String id, String errorCode, boolean retry, Instant at) implements OutboxEvent {}

  /** A delivery receipt: the message with this SID is now in this state. */
  record Reported(String sid, SmsStatus status, String errorCode, Instant at)
      implements OutboxEvent {}

  /** The number replied STOP: nothing more is sent to it. */
  record OptedOut(String to, Instant at) implements OutboxEvent {}

  /**
   * A person was erased (DPDP Act s.12): the messages that address them lose their text, and their
   * number when it was theirs alone; one not yet handed over is never sent.
   */
  record Erased(String personId, Instant at) implements OutboxEvent {}
}
