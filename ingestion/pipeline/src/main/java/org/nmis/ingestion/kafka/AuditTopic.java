package org.nmis.ingestion.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * Topic {@code nmis.audit.v1}: audit events on their way into the {@code audit_log} table. A week
 * of retention covers any outage of the landing job; the table is the permanent record.
 */
public final class AuditTopic {
  public static final String NAME = "nmis.audit.v1";
  public static final int PARTITIONS = 1;
  public static final Duration RETENTION = Duration.ofDays(7);

  private AuditTopic() {}

  public static Map<String, String> config() {
    return Map.of("retention.ms", String.valueOf(RETENTION.toMillis()), "cleanup.policy", "delete");
  }
}
