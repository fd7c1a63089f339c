package org.nmis.model.serving;

/**
 * An open-addressing hash table keyed by non-zero longs: linear probing, at most 60% full, entries
 * may share a key (a multimap). Subclasses keep the values in parallel arrays, so an entry costs
 * its key and its value and no object of its own: what lets a serving index hold tens of millions
 * of persons in one heap (docs/SCALING.md). Not thread-safe.
 */
abstract class LongSlots {
  private static final double MAX_FULL = 0.6;
  // Small: most sets of persons by vehicle hold a family of two to five.
  private static final int MIN_CAPACITY = 4;

  long[] keys = new long[MIN_CAPACITY];
  private int size;

  /** How many entries the table holds. */
  final int size() {
    return size;
  }

  /** Where the key's probe run starts; walk it with {@link #next} until a free slot. */
  final int home(long key) {
    return (int) mix(key) & (keys.length - 1);
  }

  final int next(int slot) {
    return (slot + 1) & (keys.length - 1);
  }

  /** The slot of the key's first entry, or -1. */
  final int find(long key) {
    for (int at = home(key); keys[at] != 0; at = next(at)) {
      if (keys[at] == key) {
        return at;
      }
    }
    return -1;
  }

  /** Adds an entry for the key and returns its slot, for the subclass to set the value in. */
  final int claim(long key) {
    if (key == 0) {
      throw new IllegalArgumentException("key 0 marks a free slot; map keys to non-zero longs");
    }
    if (size + 1 > keys.length * MAX_FULL) {
      grow();
    }
    int at = free(key);
    keys[at] = key;
    size++;
    return at;
  }

  private int free(long key) {
    int at = home(key);
    while (keys[at] != 0) {
      at = next(at);
    }
    return at;
  }

  /**
   * Removes the entry in this slot and moves later entries of the run back into the hole, so that
   * every lookup still finds its entries without tombstones.
   */
  final void removeAt(int slot) {
    int mask = keys.length - 1;
    int hole = slot;
    for (int at = next(slot); keys[at] != 0; at = next(at)) {
      // The entry may fill the hole when the hole lies between its home and where it is.
      if (((at - home(keys[at])) & mask) >= ((at - hole) & mask)) {
        keys[hole] = keys[at];
        move(at, hole);
        hole = at;
      }
    }
    keys[hole] = 0;
    move(-1, hole);
    size--;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object oldValues = replaceValues(oldKeys.length * 2);
    keys = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        int at = free(oldKeys[i]);
        keys[at] = oldKeys[i];
        copyValue(oldValues, i, at);
      }
    }
  }

  /** Moves the value in slot {@code from} to slot {@code to}; {@code from} -1 clears {@code to}. */
  abstract void move(int from, int to);

  /** Starts empty value arrays of this capacity and returns the old ones. */
  abstract Object replaceValues(int capacity);

  /** Copies a value from the old arrays (as returned by {@link #replaceValues}) into a slot. */
  abstract void copyValue(Object oldValues, int from, int to);

  /** Spreads the bits of keys that may be sequential or weak hashes (a murmur-style finaliser). */
  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }
}
