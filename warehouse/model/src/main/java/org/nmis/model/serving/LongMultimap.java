package org.nmis.model.serving;

import java.util.function.LongConsumer;

/** Non-zero long keys to one or more long values, 16 bytes an entry in flat arrays. */
final class LongMultimap extends LongSlots {
  private long[] values = new long[keys.length];

  void put(long key, long value) {
    int slot = claim(key); // may grow the arrays: index the new ones
    values[slot] = value;
  }

  /** Removes one entry of this key with this value; false if there is none. */
  boolean remove(long key, long value) {
    for (int at = home(key); keys[at] != 0; at = next(at)) {
      if (keys[at] == key && values[at] == value) {
        removeAt(at);
        return true;
      }
    }
    return false;
  }

  /** Every value of the key (the order is not defined). */
  void forEach(long key, LongConsumer action) {
    for (int at = home(key); keys[at] != 0; at = next(at)) {
      if (keys[at] == key) {
        action.accept(values[at]);
      }
    }
  }

  @Override
  void move(int from, int to) {
    values[to] = from < 0 ? 0 : values[from];
  }

  @Override
  Object replaceValues(int capacity) {
    long[] old = values;
    values = new long[capacity];
    return old;
  }

  @Override
  void copyValue(Object oldValues, int from, int to) {
    values[to] = ((long[]) oldValues)[from];
  }
}
