package org.nmis.api.sms;

import org.nmis.sms.outbox.SendLoop;

/** The sender loop when Twilio is configured; {@code loop} is null when sending is off. */
public record SmsSending(SendLoop loop) implements AutoCloseable {
  public boolean on() {
    return loop != null;
  }

  @Override
  public void close() {
    if (loop != null) {
      loop.close();
    }
  }
}
