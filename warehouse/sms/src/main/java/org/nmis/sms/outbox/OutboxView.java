package org.nmis.sms.outbox;

import java.util.List;

/** What triggers may ask of the outbox while they plan messages (read-only). */
public interface OutboxView {
  /** A message of exactly this trigger to this number exists. */
  boolean has(String trigger, String to);

  /**
   * The messages to this number whose trigger is in {@code group} (the part before {@code @}: all
   * versions of one request's manifest alerts, for example), oldest first.
   */
  List<OutboxMessage> inGroup(String group, String to);

  /** Every number messaged under {@code group}. */
  List<String> numbersIn(String group);
}
