package org.nmis.api.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A caller's huge input is cut in its audit event, so the event still fits a message of the audit
 * topic (a 2 MB purpose once cost the day's chain a link).
 */
class AuditEventTest {
  @Test
  void hugeParametersAndUserNamesAreCutSayingHowLongTheyWere() {
    String huge = "x".repeat(2_000_000);
    AuditEvent e =
        new AuditEvent(
            Instant.EPOCH,
            huge,
            "STATE",
            "27",
            "tracing.bulk",
            Map.of("purpose", huge, "job_id", "TB-1"),
            0,
            "REFUSED",
            1);
    assertTrue(e.parameters().get("purpose").length() < AuditEvent.MAX_VALUE + 100);
    assertTrue(e.parameters().get("purpose").endsWith("... [2000000 characters, cut]"));
    assertEquals("TB-1", e.parameters().get("job_id"), "short values stay as they are");
    assertTrue(e.user().length() < AuditEvent.MAX_USER + 100);
    assertEquals(
        "x".repeat(AuditEvent.MAX_VALUE),
        AuditEvent.cut(huge, AuditEvent.MAX_VALUE).substring(0, AuditEvent.MAX_VALUE));
  }
}
