package org.nmis.sms.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's current state, the fold of its events. Pure and single-threaded: {@link SmsSender}
 * owns it, writes each event to the durable log first and applies it here after.
 */
public final class Outbox {
  private final Map<String, OutboxMessage> byId = new HashMap<>();
  private final Map<String, String> idBySid = new HashMap<>();
  private final Set<String> optedOut = new HashSet<>();

  /** Applies one event; an event about an unknown message changes nothing. */
  public void apply(OutboxEvent e) {
    if (e instanceof OutboxEvent.Enqueued q) {
      OutboxMessage m = q.message();
      if (!byId.containsKey(m.id())) {
        byId.put(
            m.id(),
            optedOut.contains(m.to())
                ? m.with(SmsStatus.OPTED_OUT, 0, null, "opted out", q.at())
                : m);
      }
    } else if (e instanceof OutboxEvent.Sending s) {
      update(s.id(), m -> m.with(SmsStatus.SENDING, s.attempt(), m.sid(), null, s.at()));
    } else if (e instanceof OutboxEvent.HandedOver h) {
      update(h.id(), m -> m.with(h.status(), m.attempts(), h.sid(), null, h.at()));
      idBySid.put(h.sid(), h.id());
    } else if (e instanceof OutboxEvent.Refused r) {
      update(
          r.id(),
          m ->
              m.with(
                  r.retry() ? SmsStatus.PENDING : SmsStatus.FAILED,
                  m.attempts(),
                  m.sid(),
                  r.errorCode(),
                  r.at()));
    } else if (e instanceof OutboxEvent.Reported r) {
      String id = idBySid.get(r.sid());
      if (id != null) {
        // Receipts can arrive out of order: a final state is not undone by a late "sent".
        update(
            id,
            m ->
                m.status().isFinal()
                    ? m
                    : m.with(r.status(), m.attempts(), m.sid(), r.errorCode(), r.at()));
      }
    } else if (e instanceof OutboxEvent.OptedOut o) {
      optedOut.add(o.to());
      for (OutboxMessage m : List.copyOf(byId.values())) {
        if (m.to().equals(o.to()) && m.status() == SmsStatus.PENDING) {
          byId.put(m.id(), m.with(SmsStatus.OPTED_OUT, m.attempts(), null, "opted out", o.at()));
        }
      }
    }
  }

  private void update(String id, java.util.function.UnaryOperator<OutboxMessage> change) {
    OutboxMessage m = byId.get(id);
    if (m != null) {
      byId.put(id, change.apply(m));
    }
  }

  public Optional<OutboxMessage> get(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<OutboxMessage> bySid(String sid) {
    return Optional.ofNullable(idBySid.get(sid)).map(byId::get);
  }

  public boolean contains(String id) {
    return byId.containsKey(id);
  }

  public boolean isOptedOut(String to) {
    return optedOut.contains(to);
  }

  /** Messages in a state, oldest first. */
  public List<OutboxMessage> inStatus(SmsStatus status) {
    List<OutboxMessage> out = new ArrayList<>();
    for (OutboxMessage m : byId.values()) {
      if (m.status() == status) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id));
    return out;
  }

  public Collection<OutboxMessage> all() {
    return List.copyOf(byId.values());
  }
}
