package org.nmis.sms.outbox;

import java.util.List;

/**
 * The durable record of the outbox: an event is written here before it counts. Kafka in the service
 * (one partition, replayed on start and landed into the sms_outbox and sms_events tables), a list
 * in tests.
 */
public interface OutboxLog {
  /**
   * Returns once the event is durable; throws if it could not be written. {@code after} are the
   * messages it changes as they are after it, for the sms_outbox table; a replay needs only the
   * event.
   */
  void append(OutboxEvent event, List<OutboxMessage> after);

  /** Every event written so far, oldest first. */
  List<OutboxEvent> readAll();
}
