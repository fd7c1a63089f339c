package org.nmis.api.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refused attempts in the audit trail: failed and throttled sign-ins, and requests refused by the
 * role or the rate limits. They are the signals of someone harvesting data, so they are kept like
 * any read: user name as given, client address, what was asked, the code of the refusal.
 */
@Component
public class Refusals {
  private final AuditLog audit;

  public Refusals(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * An attempt by a user name that did not (or may not yet) sign in: {@code action} is {@code
   * auth.failed} or {@code auth.throttled}.
   */
  public void ofAttempt(String username, String address, String action, String path, String code) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("path", path);
    p.put("address", address == null ? "" : address);
    audit.record(
        new AuditEvent(Instant.now(), username, "NONE", "unauthenticated", action, p, 0, code, 0));
  }

  /** A signed-in user's request refused before it ran (403 by role, 429, a missing purpose). */
  public void of(
      org.nmis.api.security.NmisUser user, String action, Map<String, String> asked, String code) {
    audit.record(AuditEvent.of(user, action, asked, 0, code, System.nanoTime()));
  }
}
