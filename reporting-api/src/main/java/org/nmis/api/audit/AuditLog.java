package org.nmis.api.audit;

/** Where audit events go. Writing one must never be skipped: a failure fails the request. */
public interface AuditLog {
  void record(AuditEvent event);
}
