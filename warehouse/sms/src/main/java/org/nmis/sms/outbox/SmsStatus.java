package org.nmis.sms.outbox;

/**
 * Where an outbox message stands. PENDING waits for the sender; SENDING is written before the call
 * to the gateway, so a crash between the two leaves a SENDING row that is resolved (found at the
 * gateway, or proved never to have arrived) before anything is sent again; QUEUED, SENT, DELIVERED,
 * UNDELIVERED and FAILED are the gateway's states (Twilio's status callbacks); OPTED_OUT means the
 * number replied STOP and is never written to again.
 */
public enum SmsStatus {
  PENDING,
  SENDING,
  QUEUED,
  SENT,
  DELIVERED,
  UNDELIVERED,
  FAILED,
  OPTED_OUT,
  /** Its recipient was erased before it was handed over: never sent. */
  ERASED;

  /** No further change is expected: the message reached the phone, or it never will. */
  public boolean isFinal() {
    return this == DELIVERED
        || this == UNDELIVERED
        || this == FAILED
        || this == OPTED_OUT
        || this == ERASED;
  }

  /** The gateway has it: it must never be sent again. */
  public boolean handedOver() {
    return this == QUEUED || this == SENT || this == DELIVERED || this == UNDELIVERED;
  }
}
