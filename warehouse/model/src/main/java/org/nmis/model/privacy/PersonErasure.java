package org.nmis.model.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;

/**
 * Erasure of one person's data (DPDP Act 2023, s.12): who may ask, and the order of the work. The
 * rows go from the tables first ({@link Store}, the warehouse); the serving copies follow them
 * through the change feed (the index, and from it the tracing index, the flows and the manifests'
 * names), and the erasure waits until the index has let the person go, so the answer is true when
 * it leaves. Old file versions stay in the tables' history until the retention job vacuums them
 * ({@link Receipt#historyPurgedBy}).
 */
public final class PersonErasure {
  /** Longest accepted reason, in characters. */
  public static final int MAX_REASON = 500;

  /** Where the person's rows are kept: the warehouse's tables. */
  public interface Store {
    /**
     * Deletes every row of the person's registration (by person ID, and by its source record where
     * a table has no person ID) and answers the rows removed per table. Safe to repeat.
     */
    Map<String, Long> erase(StoredRegistration person);
  }

  /**
   * Another holder of personal data outside the tables (the SMS outbox), told once the tables and
   * the index have let the person go.
   */
  public interface Follower {
    void erased(StoredRegistration person);
  }

  /**
   * What was done: rows removed per table, whether the serving copies had let the person go when
   * the answer left, and by when the old file versions are vacuumed.
   */
  public record Receipt(
      PersonId personId,
      int sourceStateCode,
      String reason,
      String erasedBy,
      Instant erasedAt,
      Map<String, Long> rowsRemoved,
      boolean servingCopiesCleared,
      Instant historyPurgedBy) {
    public Receipt {
      if (personId == null || reason == null || erasedBy == null || erasedAt == null) {
        throw new IllegalArgumentException("an erasure receipt needs a person, reason, who, when");
      }
      rowsRemoved = java.util.Collections.unmodifiableMap(new TreeMap<>(rowsRemoved));
    }
  }

  private final Store store;
  private final RegistrationIndex index;
  private final Clock clock;
  private final Duration indexWait;
  private final Duration historyKept;
  private final List<Follower> followers = new CopyOnWriteArrayList<>();

  /**
   * @param indexWait how long to wait for the serving index to let the person go
   * @param historyKept how long old file versions stay before the retention job vacuums them
   */
  public PersonErasure(
      Store store, RegistrationIndex index, Clock clock, Duration indexWait, Duration historyKept) {
    this.store = store;
    this.index = index;
    this.clock = clock;
    this.indexWait = indexWait;
    this.historyKept = historyKept;
  }

  /** Adds a holder to tell of every erasure. */
  public void addFollower(Follower follower) {
    followers.add(follower);
  }

  /** MINISTRY, or the STATE that registered the person (their source state). */
  public static boolean mayErase(AccessScope scope, StoredRegistration person) {
    return scope.role() == Role.MINISTRY
        || (scope.role() == Role.STATE
            && scope.stateCode() != null
            && scope.stateCode() == person.registration().sourceStateCode());
  }

  /**
   * The reason as it will be kept (stripped), or empty when it is missing or longer than {@link
   * #MAX_REASON}.
   */
  public static java.util.Optional<String> reason(String given) {
    if (given == null || given.isBlank() || given.strip().length() > MAX_REASON) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(given.strip());
  }

  /**
   * Erases the person; one erasure at a time, so two requests for one person do not race. Call
   * {@link #mayErase} first.
   */
  public synchronized Receipt erase(StoredRegistration person, String reason, AccessScope by) {
    Instant at = clock.instant();
    Map<String, Long> removed = store.erase(person);
    boolean cleared = awaitIndexCleared(person.personId());
    followers.forEach(f -> f.erased(person));
    return new Receipt(
        person.personId(),
        person.registration().sourceStateCode(),
        reason,
        by.label(),
        at,
        removed,
        cleared,
        at.plus(historyKept));
  }

  private boolean awaitIndexCleared(PersonId id) {
    long deadline = System.nanoTime() + indexWait.toNanos();
    while (index.byPersonId(id).isPresent()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
