package org.nmis.model.audit;

import java.time.LocalDate;
import java.util.Iterator;

/**
 * The audit_log rows of one day in India, as stored, streamed in {@link AuditChain#ORDER} for
 * {@link AuditChain#verifySorted}.
 */
public interface AuditRows {
  Iterator<AuditChain.Entry> day(LocalDate day);
}
