package org.nmis.ingestion.kafka;

import java.time.Duration;
import java.util.Map;

/**
 * Topic {@code nmis.registrations.v1}: one JSON registration per message, key {@code
 * source_state_code:source_record_id} (so every version of a record lands in the same partition, in
 * order). State systems publish here directly, and so does the API.
 *
 * <p>Retention is short (3 days by default) because the topic carries what states send, clear
 * Aadhaar numbers included: the warehouse tokenises them on the way in, and the topic must not
 * become a second store of them. The ingestion job fails loudly (failOnDataLoss) if it falls
 * further behind than the retention.
 */
public final class RegistrationTopic {
  public static final String NAME = "nmis.registrations.v1";
  public static final int DEFAULT_PARTITIONS = 8;
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

  private RegistrationTopic() {}

  public static String key(int sourceStateCode, String sourceRecordId) {
    return sourceStateCode + ":" + sourceRecordId;
  }

  public static Map<String, String> config(Duration retention) {
    return Map.of("retention.ms", String.valueOf(retention.toMillis()), "cleanup.policy", "delete");
  }
}
