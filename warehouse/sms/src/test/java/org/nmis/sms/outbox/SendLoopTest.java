package org.nmis.sms.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SendLoopTest {
  @Test
  void aLoggedErrorNeverCarriesAFullNumber() {
    String logged =
        SendLoop.withoutNumbers(
            new IllegalStateException(
                "Connection Error: GET https://api.twilio.com/Messages.json?To=%2B919876543210"
                    + " (to +919876543210, 9876543210)"));
    assertFalse(logged.contains("98765"), logged);
    assertEquals(
        "IllegalStateException: Connection Error: GET https://api.twilio.com/Messages.json?To="
            + "[number ..3210] (to [number ..3210], [number ..3210])",
        logged);
  }
}
