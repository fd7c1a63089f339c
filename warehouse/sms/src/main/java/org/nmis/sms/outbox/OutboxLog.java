package org.nmis.sms.outbox;

import java.util.List;

/**
 * The durable record of the outbox: an event is written here before it counts. Kafka in the service
 * (one partition, replayed on start and landed into the sms_outbox and sms_events tables), a list
 * in tests.
 */
public interface OutboxLog {
  /** Returns once the event is durable; throws if it could not be written. */
  void append(OutboxEvent event);

  /** Every event written so far, oldest first. */
  List<OutboxEvent> readAll();
}
