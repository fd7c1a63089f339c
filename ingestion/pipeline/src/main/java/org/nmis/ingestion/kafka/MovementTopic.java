package org.nmis.ingestion.kafka;

import java.util.Map;

/**
 * Topic {@code nmis.movement.v1}: the movement workflow's log, one JSON message per transition of a
 * request (see MovementBatchWriter for its shape). It is the workflow's source of truth: the
 * service rebuilds its state from it on start and the landing job copies it into the movement
 * tables. So it has one partition (a total order, which also numbers requests) and is kept forever.
 * It carries no Aadhaar numbers and no names, only person IDs.
 */
public final class MovementTopic {
  public static final String NAME = "nmis.movement.v1";
  public static final int PARTITIONS = 1;

  private MovementTopic() {}

  public static Map<String, String> config() {
    return Map.of(
        "retention.ms", "-1",
        "retention.bytes", "-1",
        "cleanup.policy", "delete");
  }
}
