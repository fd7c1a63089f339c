package org.nmis.api.status;

import java.util.Map;

/** What the running warehouse reports about itself (ingestion totals, index freshness). */
public interface WarehouseStatus {
  Map<String, Object> snapshot();

  /**
   * Whether the serving indexes (registrations, flows, and the tracing index that follows them)
   * have read their tables once since start; until then lookups would miss people who are there.
   */
  boolean servingReady();
}
