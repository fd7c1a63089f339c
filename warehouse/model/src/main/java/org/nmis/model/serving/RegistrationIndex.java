package org.nmis.model.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;

/**
 * The in-memory serving copy of the {@code registrations} table that answers lookups in
 * microseconds. One writer (the change feed of the table) applies changes in commit order; any
 * number of readers. Lookups by mobile return every person registered with that number (families
 * often share one phone).
 */
public final class RegistrationIndex {
  private final ConcurrentHashMap<PersonId, StoredRegistration> byPersonId =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<PersonId>> byMobile = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, PersonId> bySourceKey = new ConcurrentHashMap<>();
  private final AtomicLong tableVersion = new AtomicLong(-1);
  private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Another serving copy that follows this one (the tracing index), told of every change after it
   * is made.
   */
  public interface Listener {
    void upserted(StoredRegistration row);

    void removed(PersonId personId);
  }

  /** Adds a listener and first tells it of every person already indexed. */
  public synchronized void addListener(Listener listener) {
    listeners.add(listener);
    byPersonId.values().forEach(listener::upserted);
  }

  public void upsert(StoredRegistration row) {
    StoredRegistration previous = byPersonId.put(row.personId(), row);
    String mobile = row.registration().mobile();
    if (previous != null && !previous.registration().mobile().equals(mobile)) {
      removeMobile(previous.registration().mobile(), row.personId());
    }
    if (previous == null || !previous.registration().mobile().equals(mobile)) {
      byMobile.compute(
          mobile,
          (k, ids) -> {
            List<PersonId> next = ids == null ? new ArrayList<>(1) : new ArrayList<>(ids);
            next.add(row.personId());
            return List.copyOf(next);
          });
    }
    bySourceKey.put(row.registration().sourceKey(), row.personId());
    listeners.forEach(l -> l.upserted(row));
  }

  public void remove(PersonId personId) {
    StoredRegistration previous = byPersonId.remove(personId);
    if (previous != null) {
      removeMobile(previous.registration().mobile(), personId);
      bySourceKey.remove(previous.registration().sourceKey(), personId);
      listeners.forEach(l -> l.removed(personId));
    }
  }

  private void removeMobile(String mobile, PersonId personId) {
    byMobile.computeIfPresent(
        mobile,
        (k, ids) -> {
          List<PersonId> next = new ArrayList<>(ids);
          next.remove(personId);
          return next.isEmpty() ? null : List.copyOf(next);
        });
  }

  /** Records the table version whose changes have all been applied (for freshness reporting). */
  public void markApplied(long version) {
    tableVersion.accumulateAndGet(version, Math::max);
  }

  public long appliedTableVersion() {
    return tableVersion.get();
  }

  public Optional<StoredRegistration> byPersonId(PersonId id) {
    return Optional.ofNullable(byPersonId.get(id));
  }

  /** Everyone registered with this normalised mobile number, oldest registration first. */
  public List<StoredRegistration> byMobile(String normalisedMobile) {
    List<PersonId> ids = byMobile.getOrDefault(normalisedMobile, List.of());
    List<StoredRegistration> out = new ArrayList<>(ids.size());
    for (PersonId id : ids) {
      StoredRegistration r = byPersonId.get(id);
      if (r != null) {
        out.add(r);
      }
    }
    out.sort(Comparator.comparing(StoredRegistration::createdAt));
    return out;
  }

  public Optional<PersonId> bySourceKey(String sourceKey) {
    return Optional.ofNullable(bySourceKey.get(sourceKey));
  }

  /**
   * Every person whose registration matches (a scan: for selections of a few thousand, not for
   * lookups).
   */
  public List<StoredRegistration> matching(
      java.util.function.Predicate<org.nmis.model.registration.Registration> test) {
    return byPersonId.values().stream().filter(s -> test.test(s.registration())).toList();
  }

  public int size() {
    return byPersonId.size();
  }
}
