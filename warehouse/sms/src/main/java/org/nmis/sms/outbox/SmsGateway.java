package org.nmis.sms.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where messages go: Twilio in the service (with the SDK's and the HTTP client's automatic retries
 * off, so one call is at most one message), a fake in tests.
 */
public interface SmsGateway {
  /** What one send call did. */
  sealed interface Outcome {}

  /** The gateway took the message. */
  record Accepted(String sid, SmsStatus status) implements Outcome {}

  /** The gateway refused it for good (a bad number, a blocked sender): do not try again. */
  record Refused(String errorCode) implements Outcome {}

  /**
   * The gateway answered that it created nothing and asks to come back later (429, 5xx): try again
   * after {@code retryAfter}.
   */
  record Throttled(String errorCode, Duration retryAfter) implements Outcome {}

  /** No answer (time-out, connection lost after the request went out): the message may exist. */
  record Unknown(String reason) implements Outcome {}

  Outcome send(OutboxMessage message);

  /** A message the gateway has, for resolving a send whose answer was lost. */
  record Found(String sid, String body, SmsStatus status) {}

  /** The messages sent to {@code to} since {@code since}, newest first. */
  List<Found> sentTo(String to, Instant since);
}
