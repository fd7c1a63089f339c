package org.nmis.model.serving;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;

/**
 * The in-memory serving copy of the {@code registrations} table that answers lookups in
 * microseconds. One writer (the change feed of the table) applies changes in commit order; any
 * number of readers. Lookups by mobile return every person registered with that number (families
 * often share one phone).
 *
 * <p>Compact, because the table grows to tens of millions of persons: each registration is kept as
 * about 120 encoded bytes under its person ID's 45-bit number ({@link RegistrationCodec}), and the
 * mobile and source-key lookups map a 64-bit hash of the text to person numbers, each candidate
 * checked against its decoded registration (so a hash collision costs a decode, never a wrong
 * answer). About 200 bytes of heap a person (docs/BENCHMARKS.md), where objects and hash maps of
 * strings took 1,400. Readers decode a fresh {@link StoredRegistration} on every lookup.
 */
public final class RegistrationIndex {
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final RegistrationCodec codec = new RegistrationCodec();
  private final RecordTable byPersonId = new RecordTable();
  private final LongMultimap byMobile = new LongMultimap();
  private final LongMultimap bySourceKey = new LongMultimap();
  private final AtomicLong tableVersion = new AtomicLong(-1);
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ToLongFunction<String> textHash;

  public RegistrationIndex() {
    this(RegistrationIndex::fnv1a);
  }

  /**
   * With another hash of mobiles and source keys (tests use a constant one to force collisions).
   */
  RegistrationIndex(ToLongFunction<String> textHash) {
    this.textHash = textHash;
  }

  /**
   * Another serving copy that follows this one (the tracing index), told of every change after it
   * is made, with the registration it replaced.
   */
  public interface Listener {
    /**
     * A person's registration was added ({@code previous} null) or replaced.
     *
     * @param previous the registration before, or null
     */
    void upserted(StoredRegistration previous, StoredRegistration row);

    /** A person's registration was removed (erased); {@code previous} is what it was. */
    void removed(StoredRegistration previous);
  }

  /** Adds a listener and first tells it of every person already indexed. */
  public synchronized void addListener(Listener listener) {
    listeners.add(listener);
    forEach(row -> listener.upserted(null, row));
  }

  public synchronized void upsert(StoredRegistration row) {
    long key = key(row.personId());
    long person = row.personId().payload();
    Registration r = row.registration();
    StoredRegistration previous;
    lock.writeLock().lock();
    try {
      byte[] before = byPersonId.put(key, codec.encode(row));
      previous = before == null ? null : codec.decode(row.personId(), before);
      Registration old = previous == null ? null : previous.registration();
      if (old == null || !old.mobile().equals(r.mobile())) {
        if (old != null) {
          byMobile.remove(hash(old.mobile()), person);
        }
        byMobile.put(hash(r.mobile()), person);
      }
      if (old == null || !old.sourceKey().equals(r.sourceKey())) {
        if (old != null) {
          bySourceKey.remove(hash(old.sourceKey()), person);
        }
        bySourceKey.put(hash(r.sourceKey()), person);
      }
    } finally {
      lock.writeLock().unlock();
    }
    listeners.forEach(l -> l.upserted(previous, row));
  }

  public synchronized void remove(PersonId personId) {
    StoredRegistration previous;
    lock.writeLock().lock();
    try {
      byte[] before = byPersonId.remove(key(personId));
      if (before == null) {
        return;
      }
      previous = codec.decode(personId, before);
      byMobile.remove(hash(previous.registration().mobile()), personId.payload());
      bySourceKey.remove(hash(previous.registration().sourceKey()), personId.payload());
    } finally {
      lock.writeLock().unlock();
    }
    listeners.forEach(l -> l.removed(previous));
  }

  /** Records the table version whose changes have all been applied (for freshness reporting). */
  public void markApplied(long version) {
    tableVersion.accumulateAndGet(version, Math::max);
  }

  public long appliedTableVersion() {
    return tableVersion.get();
  }

  public Optional<StoredRegistration> byPersonId(PersonId id) {
    lock.readLock().lock();
    try {
      byte[] bytes = byPersonId.get(key(id));
      return bytes == null ? Optional.empty() : Optional.of(codec.decode(id, bytes));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Everyone registered with this normalised mobile number, oldest registration first. */
  public List<StoredRegistration> byMobile(String normalisedMobile) {
    List<StoredRegistration> out = candidates(byMobile, normalisedMobile);
    out.removeIf(s -> !s.registration().mobile().equals(normalisedMobile));
    out.sort(
        Comparator.comparing(StoredRegistration::createdAt)
            .thenComparing(s -> s.personId().value()));
    return out;
  }

  public Optional<PersonId> bySourceKey(String sourceKey) {
    return candidates(bySourceKey, sourceKey).stream()
        .filter(s -> s.registration().sourceKey().equals(sourceKey))
        .map(StoredRegistration::personId)
        .findFirst();
  }

  /**
   * The registrations of the persons the hash of this text maps to (to be checked by the caller).
   */
  private List<StoredRegistration> candidates(LongMultimap map, String text) {
    List<StoredRegistration> out = new ArrayList<>(2);
    lock.readLock().lock();
    try {
      map.forEach(
          hash(text),
          person -> {
            byte[] bytes = byPersonId.get(person + 1);
            if (bytes != null) {
              out.add(codec.decode(PersonId.ofPayload(person), bytes));
            }
          });
    } finally {
      lock.readLock().unlock();
    }
    return out;
  }

  /**
   * Every person whose registration matches (a scan that decodes everyone: for selections, not for
   * lookups).
   */
  public List<StoredRegistration> matching(Predicate<Registration> test) {
    List<StoredRegistration> out = new ArrayList<>();
    forEach(
        row -> {
          if (test.test(row.registration())) {
            out.add(row);
          }
        });
    return out;
  }

  private void forEach(java.util.function.Consumer<StoredRegistration> action) {
    lock.readLock().lock();
    try {
      byPersonId.forEach(
          (key, bytes) -> action.accept(codec.decode(PersonId.ofPayload(key - 1), bytes)));
    } finally {
      lock.readLock().unlock();
    }
  }

  public int size() {
    lock.readLock().lock();
    try {
      return byPersonId.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Person numbers are below 2^45, so plus one is never the table's free mark, 0. */
  private static long key(PersonId id) {
    return id.payload() + 1;
  }

  /** The text's hash as a table key: never 0, the free mark. */
  private long hash(String text) {
    long h = textHash.applyAsLong(text);
    return h == 0 ? 1 : h;
  }

  /** A 64-bit FNV-1a hash of the text. */
  private static long fnv1a(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
