package org.nmis.model.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the valid messages of one ingestion batch by what they do to {@code registrations}, so that
 * the writer's cost follows the batch and not the table: a source record the table has never held
 * is appended (cheap), an identical re-send is dropped, and only a real correction goes to a MERGE.
 * Of a record's messages in the batch the newest is written and the oldest gives a new record its
 * person ID (PersonIdScheme#resolve). Pure: hashes and log positions in, decisions out.
 */
public final class BatchTriage {
  private BatchTriage() {}

  /** One valid message: the hashes of its source key and content, and its log position. */
  public record Message(long key, long content, int partition, long offset) {
    /** Later in the log than {@code other} (the offset decides, then the partition). */
    boolean after(Message other) {
      return offset != other.offset ? offset > other.offset : partition > other.partition;
    }
  }

  /** What the batch does to one source record. */
  public enum Kind {
    /** The table has never held the record: append its newest message. */
    NEW,
    /** The newest message says what the table already holds: nothing to write. */
    RESEND,
    /** The newest message changes the record: MERGE it (a new version). */
    CORRECTION
  }

  /** The decision for one source record: its newest message and its oldest in the batch. */
  public record Decision(Kind kind, Message latest, Message first) {}

  /**
   * The decisions, one per source record, and every message that is not appended as a new record
   * (re-sends, corrections, older messages of a record): the append leaves those out.
   */
  public record Result(List<Decision> decisions, List<Message> notAppended) {
    public Result {
      decisions = List.copyOf(decisions);
      notAppended = List.copyOf(notAppended);
    }

    public List<Decision> of(Kind kind) {
      return decisions.stream().filter(d -> d.kind() == kind).toList();
    }
  }

  /** Triage against what the table holds; the index is not changed (update it after commits). */
  public static Result triage(List<Message> valid, SourceKeyIndex index) {
    Map<Long, Message[]> byKey = new HashMap<>(valid.size() * 2);
    for (Message m : valid) {
      Message[] seen = byKey.get(m.key());
      if (seen == null) {
        byKey.put(m.key(), new Message[] {m, m});
      } else {
        if (m.after(seen[0])) {
          seen[0] = m;
        }
        if (seen[1].after(m)) {
          seen[1] = m;
        }
      }
    }
    List<Decision> decisions = new ArrayList<>(byKey.size());
    for (Map.Entry<Long, Message[]> e : byKey.entrySet()) {
      long key = e.getKey();
      Message latest = e.getValue()[0];
      Kind kind =
          !index.contains(key)
              ? Kind.NEW
              : index.content(key) == latest.content() ? Kind.RESEND : Kind.CORRECTION;
      decisions.add(new Decision(kind, latest, e.getValue()[1]));
    }
    List<Message> notAppended = new ArrayList<>();
    for (Message m : valid) {
      Message[] seen = byKey.get(m.key());
      if (m != seen[0] || index.contains(m.key())) {
        notAppended.add(m);
      }
    }
    return new Result(decisions, notAppended);
  }
}
