package org.nmis.ingestion.kafka;

import java.util.ArrayList;
import java.util.List;
import org.nmis.sms.outbox.OutboxEvent;
import org.nmis.sms.outbox.OutboxEventJson;
import org.nmis.sms.outbox.OutboxLog;
import org.nmis.sms.outbox.OutboxMessage;

/** The SMS outbox's log on Kafka ({@link SmsTopic}): an event is durable once the broker has it. */
public final class SmsOutboxLog implements OutboxLog, AutoCloseable {
  private final KafkaLog log;

  public SmsOutboxLog(String bootstrapServers, String topic) {
    this.log = new KafkaLog(bootstrapServers, topic);
  }

  @Override
  public void append(OutboxEvent event, List<OutboxMessage> after) {
    log.append(key(event), OutboxEventJson.write(event, after));
  }

  @Override
  public List<OutboxEvent> readAll() {
    List<OutboxEvent> events = new ArrayList<>();
    log.replay(bytes -> events.add(OutboxEventJson.read(bytes)));
    return events;
  }

  private static String key(OutboxEvent e) {
    if (e instanceof OutboxEvent.Enqueued q) {
      return q.message().id();
    } else if (e instanceof OutboxEvent.Sending s) {
      return s.id();
    } else if (e instanceof OutboxEvent.HandedOver h) {
      return h.id();
    } else if (e instanceof OutboxEvent.Refused r) {
      return r.id();
    } else if (e instanceof OutboxEvent.Reported r) {
      return r.sid();
    }
    return "opt-out";
  }

  @Override
  public void close() {
    log.close();
  }
}
