package org.nmis.sms.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nmis.sms.testing.SmsFixtures;

class SmsSenderTest {
  private static final Instant T0 = SmsFixtures.T0;

  /** A log that survives the "crash": the next sender reads what the last one wrote. */
  private static final class ListLog implements OutboxLog {
    final List<OutboxEvent> events = new ArrayList<>();

    @Override
    public void append(OutboxEvent event, List<OutboxMessage> after) {
      events.add(event);
    }

    @Override
    public List<OutboxEvent> readAll() {
      return List.copyOf(events);
    }
  }

  private final ListLog log = new ListLog();
  private final FakeGateway gateway = new FakeGateway();
  private Instant now = T0;
  private final Clock clock =
      new Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  private SmsSender sender() {
    SmsSender s = new SmsSender(log, gateway, clock, Duration.ofMinutes(10));
    s.recover();
    return s;
  }

  private static OutboxMessage message(String trigger, String to) {
    return SmsFixtures.message(trigger, to, "en", "NMIS: train 01901 for " + to);
  }

  @Test
  void anErasedPersonsMessagesLoseTheirTextAndOwnNumberAndAreNeverSent() {
    SmsSender s = sender();
    OutboxMessage alone = addressedTo("+919876500001", "AAAAA-AAAAA");
    OutboxMessage shared = addressedTo("+919876500002", "AAAAA-AAAAA BBBBB-BBBBB");
    OutboxMessage other = addressedTo("+919876500003", "BBBBB-BBBBB");
    s.enqueue(alone);
    s.enqueue(shared);
    s.enqueue(other);

    s.erase("AAAAA-AAAAA");

    for (SmsSender seen : List.of(s, sender())) { // as it is, and replayed from the log
      OutboxMessage a = seen.get(alone.id()).orElseThrow();
      assertEquals(List.of("+91XXXXXX0001", "(erased)", SmsStatus.ERASED), view(a));
      OutboxMessage b = seen.get(shared.id()).orElseThrow();
      assertEquals(
          List.of("+919876500002", "(erased)", SmsStatus.ERASED), view(b), "others share it");
      assertEquals(other, seen.get(other.id()).orElseThrow());
    }
    s.sendNext();
    s.sendNext();
    assertEquals(List.of("+919876500003"), gateway.received.stream().map(m -> m.to()).toList());
  }

  private static List<Object> view(OutboxMessage m) {
    return List.of(m.to(), m.body(), m.status());
  }

  private static OutboxMessage addressedTo(String to, String recipient) {
    OutboxMessage m = message("manifest:MR-1", to);
    return new OutboxMessage(
        OutboxMessage.idOf(m.trigger(), recipient, m.templateKey(), 1),
        m.trigger(),
        recipient,
        m.templateKey(),
        m.language(),
        m.templateVersion(),
        m.dltTemplateId(),
        to,
        "NMIS: Ram Kumar, train 04999 coach S1",
        m.segments(),
        m.districtCode(),
        m.status(),
        m.attempts(),
        m.sid(),
        m.errorCode(),
        m.createdAt(),
        m.updatedAt());
  }

  @Test
  void aTriggerFiredTwiceAddsNothing() {
    SmsSender s = sender();
    assertTrue(s.enqueue(message("manifest:MR-1", "+919876500001")));
    assertFalse(s.enqueue(message("manifest:MR-1", "+919876500001")));
    s.sendNext();
    s.sendNext();
    assertEquals(1, gateway.received.size());
  }

  @Test
  void aCrashBetweenSendingAndTheAnswerNeverSendsTwice() {
    SmsSender s = sender();
    s.enqueue(message("manifest:MR-1", "+919876500001"));
    s.enqueue(message("manifest:MR-1", "+919876500002"));
    gateway.loseNextAnswer(); // the gateway took the first message, the answer never came back
    s.sendNext();
    String first = OutboxMessage.idOf("manifest:MR-1", "+919876500001", "manifest.issued", 1);
    assertEquals(SmsStatus.SENDING, s.get(first).orElseThrow().status());

    SmsSender restarted = sender(); // kill -9 and restart: replay, then resolve SENDING rows
    assertEquals(SmsStatus.SENT, restarted.get(first).orElseThrow().status());
    assertEquals("SM1", restarted.get(first).orElseThrow().sid());
    while (restarted.all().stream().anyMatch(m -> m.status() == SmsStatus.PENDING)) {
      restarted.sendNext();
    }
    assertEquals(2, gateway.received.size(), "each message once");
  }

  @Test
  void aMessageThatNeverReachedTheGatewayGoesBackToPendingAfterTheSettleTime() {
    SmsSender s = sender();
    s.enqueue(message("manifest:MR-1", "+919876500001"));
    // A crash after SENDING was written, before the call: the gateway never saw it.
    String id = OutboxMessage.idOf("manifest:MR-1", "+919876500001", "manifest.issued", 1);
    log.append(new OutboxEvent.Sending(id, 1, now), List.of());
    assertEquals(SmsStatus.SENDING, sender().get(id).orElseThrow().status(), "too early to tell");
    now = now.plus(Duration.ofMinutes(11));
    SmsSender later = sender();
    assertEquals(SmsStatus.PENDING, later.get(id).orElseThrow().status());
    later.sendNext();
    assertEquals(1, gateway.received.size());
    assertEquals(2, later.get(id).orElseThrow().attempts());
  }

  @Test
  void throttlingRetriesLaterAndARefusalIsFinal() {
    SmsSender s = sender();
    s.enqueue(message("manifest:MR-1", "+919876500001"));
    gateway.then(FakeGateway.throttled());
    assertEquals(Optional.of(Duration.ofSeconds(2)), s.sendNext());
    assertEquals(0, gateway.received.size());
    s.sendNext();
    assertEquals(1, gateway.received.size());

    s.enqueue(message("manifest:MR-2", "+919876500003"));
    gateway.then(new SmsGateway.Refused("21211"));
    s.sendNext();
    String bad = OutboxMessage.idOf("manifest:MR-2", "+919876500003", "manifest.issued", 1);
    assertEquals(SmsStatus.FAILED, s.get(bad).orElseThrow().status());
    assertEquals("21211", s.get(bad).orElseThrow().errorCode());
  }

  @Test
  void receiptsMoveTheStateForwardOnlyAndStopIsHonoured() {
    SmsSender s = sender();
    s.enqueue(message("manifest:MR-1", "+919876500001"));
    s.sendNext();
    String id = OutboxMessage.idOf("manifest:MR-1", "+919876500001", "manifest.issued", 1);
    s.report("SM1", SmsStatus.DELIVERED, null);
    s.report("SM1", SmsStatus.SENT, null); // a late, out-of-order receipt
    assertEquals(SmsStatus.DELIVERED, s.get(id).orElseThrow().status());

    s.optOut("+919876500002");
    s.enqueue(message("manifest:MR-3", "+919876500002"));
    s.sendNext();
    assertEquals(1, gateway.received.size(), "nothing to a number that replied STOP");
    assertEquals(
        SmsStatus.OPTED_OUT,
        s.get(OutboxMessage.idOf("manifest:MR-3", "+919876500002", "manifest.issued", 1))
            .orElseThrow()
            .status());
  }
}
