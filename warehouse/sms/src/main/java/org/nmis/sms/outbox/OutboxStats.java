package org.nmis.sms.outbox;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Counts of outbox messages by template and status, and segments. */
public record OutboxStats(
    long messages,
    long segments,
    Map<String, Long> byStatus,
    Map<String, Map<String, Long>> byTemplate) {

  public static OutboxStats of(Collection<OutboxMessage> messages) {
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Map<String, Long>> byTemplate = new TreeMap<>();
    long segments = 0;
    for (OutboxMessage m : messages) {
      byStatus.merge(m.status().name(), 1L, Long::sum);
      byTemplate
          .computeIfAbsent(m.templateKey(), k -> new TreeMap<>())
          .merge(m.status().name(), 1L, Long::sum);
      segments += m.segments();
    }
    return new OutboxStats(messages.size(), segments, byStatus, byTemplate);
  }
}
