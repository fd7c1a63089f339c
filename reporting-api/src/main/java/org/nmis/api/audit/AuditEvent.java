package org.nmis.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One read or write of personal data: who, in which role and jurisdiction, what they asked, what
 * they got.
 */
public record AuditEvent(
    Instant at,
    String user,
    String role,
    String jurisdiction,
    String action,
    Map<String, String> parameters,
    long rowsReturned,
    String outcome,
    long durationMillis) {
  public AuditEvent {
    parameters = Map.copyOf(parameters);
  }

  /** What {@code user} did, now, having started at {@code startNanos} (System.nanoTime). */
  public static AuditEvent of(
      org.nmis.api.security.NmisUser user,
      String action,
      Map<String, String> parameters,
      long rowsReturned,
      String outcome,
      long startNanos) {
    return new AuditEvent(
        Instant.now(),
        user.username(),
        user.role().name(),
        user.principalLabel(),
        action,
        parameters,
        rowsReturned,
        outcome,
        (System.nanoTime() - startNanos) / 1_000_000);
  }
}
