package org.nmis.ingestion.kafka;

import java.util.Map;

/**
 * Topic {@code nmis.sms.v1}: the SMS outbox's log, one JSON message per outbox event (see
 * OutboxEventJson), with the outbox rows it changed. It is the outbox's source of truth: the sender
 * rebuilds the outbox from it on start (and so never sends a message twice across a crash) and the
 * landing job copies it into sms_outbox and sms_events. One partition (one order); kept until the
 * retention work of the hardening issue decides otherwise. It carries mobile numbers and message
 * bodies: personal data, like the registrations topic.
 */
public final class SmsTopic {
  public static final String NAME = "nmis.sms.v1";
  public static final int PARTITIONS = 1;

  private SmsTopic() {}

  public static Map<String, String> config() {
    return MovementTopic.config();
  }
}
