package org.nmis.api.status;

import java.util.Map;

/** What the running warehouse reports about itself (ingestion totals, index freshness). */
public interface WarehouseStatus {
  Map<String, Object> snapshot();
}
