package org.nmis.sms.testing;

import java.time.Instant;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SmsStatus;

/** Canonical outbox messages for the tests of the SMS domain and of its gateways. */
public final class SmsFixtures {
  public static final Instant T0 = Instant.parse("2020-05-20T06:00:00Z");

  private SmsFixtures() {}

  /** A PENDING manifest alert of {@code trigger} to {@code to}, made at {@link #T0}. */
  public static OutboxMessage message(String trigger, String to, String language, String body) {
    return new OutboxMessage(
        OutboxMessage.idOf(trigger, to, "manifest.issued", 1),
        trigger,
        to,
        "manifest.issued",
        language,
        1,
        language.equals("hi") ? "1107160000000000012" : "1107160000000000011",
        to,
        body,
        1,
        148,
        SmsStatus.PENDING,
        0,
        null,
        null,
        T0,
        T0);
  }
}
