package org.nmis.api.audit;

import java.time.LocalDate;
import java.util.Map;
import org.nmis.api.security.NmisUser;
import org.nmis.model.audit.AuditChain;
import org.nmis.model.audit.AuditRows;
import org.springframework.stereotype.Component;

/**
 * Recomputes a day's audit chains from the audit_log table and names the first broken link; the
 * check itself is audited. Rows still on their way to the table are simply not there yet: a prefix
 * of a chain holds.
 */
@Component
public class AuditVerifier {
  private final AuditRows rows;
  private final AuditLog audit;

  public AuditVerifier(AuditRows rows, AuditLog audit) {
    this.rows = rows;
    this.audit = audit;
  }

  public AuditChain.Verdict verify(LocalDate day, NmisUser user) {
    long t0 = System.nanoTime();
    AuditChain.Verdict v = AuditChain.verifySorted(day.toString(), rows.day(day));
    audit.record(
        AuditEvent.of(
            user,
            "audit.verify",
            Map.of("day", day.toString()),
            v.rows(),
            v.intact() ? "OK" : "BROKEN",
            t0));
    return v;
  }
}
