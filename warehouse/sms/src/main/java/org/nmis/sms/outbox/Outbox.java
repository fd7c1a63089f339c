package org.nmis.sms.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The outbox's current state, the fold of its events. Pure and single-threaded: {@link SmsSender}
 * owns it, writes each event to the durable log first and applies it here after.
 */
public final class Outbox implements OutboxView {
  private final Map<String, OutboxMessage> byId = new HashMap<>();
  private final Map<String, String> idBySid = new HashMap<>();
  private final Set<String> optedOut = new HashSet<>();
  private final Set<String> triggerTo = new HashSet<>();

  /** PENDING messages, oldest first: the sender's queue. */
  private final java.util.TreeSet<OutboxMessage> pending =
      new java.util.TreeSet<>(
          Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id));

  /** Message IDs by trigger group, then by number, oldest first. */
  private final Map<String, Map<String, List<String>>> groups = new HashMap<>();

  /** Applies one event; an event about an unknown message changes nothing. */
  public void apply(OutboxEvent e) {
    List<OutboxMessage> changed = changes(e);
    for (OutboxMessage m : changed) {
      OutboxMessage before = byId.put(m.id(), m);
      if (before != null && !before.to().equals(m.to())) {
        forgetNumber(before);
      }
      if (before != null && before.status() == SmsStatus.PENDING) {
        pending.remove(before);
      }
      if (m.status() == SmsStatus.PENDING) {
        pending.add(m);
      }
      if (before == null || !before.to().equals(m.to())) {
        triggerTo.add(m.trigger() + "\n" + m.to());
        groups
            .computeIfAbsent(groupOf(m.trigger()), k -> new LinkedHashMap<>())
            .computeIfAbsent(m.to(), k -> new ArrayList<>())
            .add(m.id());
      }
    }
    if (e instanceof OutboxEvent.HandedOver h && byId.containsKey(h.id())) {
      idBySid.put(h.sid(), h.id());
    } else if (e instanceof OutboxEvent.OptedOut o) {
      optedOut.add(o.to());
    }
  }

  /**
   * The messages {@code e} would change, as they would be after it, without applying it: the log
   * carries them beside the event so the sms_outbox table is a plain upsert of rows.
   */
  public List<OutboxMessage> changes(OutboxEvent e) {
    if (e instanceof OutboxEvent.Enqueued q) {
      OutboxMessage m = q.message();
      if (byId.containsKey(m.id())) {
        return List.of();
      }
      return List.of(
          optedOut.contains(m.to())
              ? m.with(SmsStatus.OPTED_OUT, 0, null, "opted out", q.at())
              : m);
    } else if (e instanceof OutboxEvent.Sending s) {
      return update(s.id(), m -> m.with(SmsStatus.SENDING, s.attempt(), m.sid(), null, s.at()));
    } else if (e instanceof OutboxEvent.HandedOver h) {
      return update(h.id(), m -> m.with(h.status(), m.attempts(), h.sid(), null, h.at()));
    } else if (e instanceof OutboxEvent.Refused r) {
      return update(
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
      // Receipts can arrive out of order: a final state is not undone by a late "sent".
      return id == null || byId.get(id).status().isFinal()
          ? List.of()
          : update(id, m -> m.with(r.status(), m.attempts(), m.sid(), r.errorCode(), r.at()));
    } else if (e instanceof OutboxEvent.Erased x) {
      List<OutboxMessage> out = new ArrayList<>();
      for (OutboxMessage m : byId.values()) {
        if (m.recipients().contains(x.personId()) && !m.body().equals(OutboxMessage.ERASED_TEXT)) {
          out.add(m.erasing(x.personId(), x.at()));
        }
      }
      return out;
    } else if (e instanceof OutboxEvent.OptedOut o) {
      List<OutboxMessage> out = new ArrayList<>();
      for (OutboxMessage m : byId.values()) {
        if (m.to().equals(o.to()) && m.status() == SmsStatus.PENDING) {
          out.add(m.with(SmsStatus.OPTED_OUT, m.attempts(), null, "opted out", o.at()));
        }
      }
      return out;
    }
    return List.of();
  }

  /** Drops a message's number from the indexes by number (it was erased). */
  private void forgetNumber(OutboxMessage before) {
    triggerTo.remove(before.trigger() + "\n" + before.to());
    Map<String, List<String>> byNumber = groups.get(groupOf(before.trigger()));
    if (byNumber != null) {
      List<String> ids = byNumber.get(before.to());
      if (ids != null) {
        ids.remove(before.id());
        if (ids.isEmpty()) {
          byNumber.remove(before.to());
        }
      }
    }
  }

  private List<OutboxMessage> update(String id, UnaryOperator<OutboxMessage> change) {
    OutboxMessage m = byId.get(id);
    return m == null ? List.of() : List.of(change.apply(m));
  }

  /** A trigger's group: the part before {@code @}, or all of it. */
  public static String groupOf(String trigger) {
    int at = trigger.indexOf('@');
    return at < 0 ? trigger : trigger.substring(0, at);
  }

  @Override
  public boolean has(String trigger, String to) {
    return triggerTo.contains(trigger + "\n" + to);
  }

  @Override
  public List<OutboxMessage> inGroup(String group, String to) {
    return groups.getOrDefault(group, Map.of()).getOrDefault(to, List.of()).stream()
        .map(byId::get)
        .toList();
  }

  @Override
  public List<String> numbersIn(String group) {
    return List.copyOf(groups.getOrDefault(group, Map.of()).keySet());
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

  /** The oldest PENDING message. */
  public Optional<OutboxMessage> oldestPending() {
    return pending.isEmpty() ? Optional.empty() : Optional.of(pending.first());
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
