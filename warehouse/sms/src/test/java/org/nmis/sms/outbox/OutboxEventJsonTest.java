package org.nmis.sms.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.sms.testing.SmsFixtures;

class OutboxEventJsonTest {
  @Test
  void everyEventReadsBackEqual() {
    OutboxMessage m =
        SmsFixtures.message(
            "manifest:MR-1", "+919876500001", "hi", "NMIS: सुनीता: \"ट्रेन\" 01901");
    List<OutboxEvent> events =
        List.of(
            new OutboxEvent.Enqueued(m, SmsFixtures.T0),
            new OutboxEvent.Sending(m.id(), 1, SmsFixtures.T0),
            new OutboxEvent.HandedOver(m.id(), "SM1", SmsStatus.QUEUED, SmsFixtures.T0),
            new OutboxEvent.Refused(m.id(), "20429", true, SmsFixtures.T0),
            new OutboxEvent.Reported("SM1", SmsStatus.UNDELIVERED, "30003", SmsFixtures.T0),
            new OutboxEvent.OptedOut("+919876500001", SmsFixtures.T0),
            new OutboxEvent.Erased("AAAAA-AAAAA", SmsFixtures.T0));
    for (OutboxEvent e : events) {
      assertEquals(e, OutboxEventJson.read(OutboxEventJson.write(e, List.of(m))));
    }
  }

  @Test
  void aRecordOfAnotherFormatIsRefusedNamingTheCode() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OutboxEventJson.read("{\"v\":9}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().startsWith("NMIS-SMS-114"), e.getMessage());
  }
}
