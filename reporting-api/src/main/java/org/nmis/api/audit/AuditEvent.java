package org.nmis.api.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
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
  /**
   * The most of a parameter an event keeps: a message of the audit topic holds 1 MiB, and a caller
   * who sends a 2 MB string must not cost the trail its row (the day's hash chain would then miss a
   * link). SQL texts and purposes are far shorter.
   */
  public static final int MAX_VALUE = 16_384;

  /** The most of a user name kept: refused sign-ins are audited with the name as typed. */
  public static final int MAX_USER = 256;

  public AuditEvent {
    user = cut(user, MAX_USER);
    Map<String, String> bounded = new LinkedHashMap<>();
    parameters.forEach((k, v) -> bounded.put(k, cut(v, MAX_VALUE)));
    parameters = Map.copyOf(bounded);
  }

  /** {@code value}'s first {@code max} characters, saying how long it was, if it is longer. */
  static String cut(String value, int max) {
    return value == null || value.length() <= max
        ? value
        : value.substring(0, max) + "... [" + value.length() + " characters, cut]";
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
