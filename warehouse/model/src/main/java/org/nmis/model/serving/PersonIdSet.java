package org.nmis.model.serving;

import java.util.ArrayList;
import java.util.List;
import org.nmis.model.ids.PersonId;

/**
 * A set of person IDs kept as their 45-bit numbers in one flat array, about 14 bytes a person where
 * a concurrent set of ID objects takes over a hundred: for indexes that group millions of persons
 * (by district, by vehicle). Thread-safe; each call holds the set's lock.
 */
public final class PersonIdSet extends LongSlots {

  /** Adds the person; false when already there. */
  public synchronized boolean add(PersonId id) {
    long key = key(id);
    if (find(key) >= 0) {
      return false;
    }
    claim(key);
    return true;
  }

  /** Removes the person; false when not there. */
  public synchronized boolean remove(PersonId id) {
    int at = find(key(id));
    if (at < 0) {
      return false;
    }
    removeAt(at);
    return true;
  }

  public synchronized boolean isEmpty() {
    return size() == 0;
  }

  /** The persons now in the set (a copy, in no defined order). */
  public synchronized List<PersonId> toList() {
    List<PersonId> out = new ArrayList<>(size());
    for (long key : keys) {
      if (key != 0) {
        out.add(PersonId.ofPayload(key - 1));
      }
    }
    return out;
  }

  /** Person numbers are below 2^45, so plus one is never the free mark, 0. */
  private static long key(PersonId id) {
    return id.payload() + 1;
  }

  @Override
  void move(int from, int to) {
    // no values: the key is the member
  }

  @Override
  Object replaceValues(int capacity) {
    return null;
  }

  @Override
  void copyValue(Object oldValues, int from, int to) {
    // no values
  }
}
