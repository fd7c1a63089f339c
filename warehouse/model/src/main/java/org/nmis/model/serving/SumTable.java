package org.nmis.model.serving;

import java.util.function.Consumer;

/**
 * Two running sums under each non-zero long key, in flat arrays: for totals over millions of rows.
 */
final class SumTable extends LongSlots {
  private long[] first = new long[keys.length];
  private long[] second = new long[keys.length];

  void add(long key, long a, long b) {
    int at = find(key);
    if (at < 0) {
      at = claim(key); // may grow the arrays: index the new ones
    }
    first[at] += a;
    second[at] += b;
  }

  /** One key with its sums. */
  record Sums(long key, long first, long second) {}

  void forEach(Consumer<Sums> action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(new Sums(keys[i], first[i], second[i]));
      }
    }
  }

  @Override
  void move(int from, int to) {
    first[to] = from < 0 ? 0 : first[from];
    second[to] = from < 0 ? 0 : second[from];
  }

  @Override
  Object replaceValues(int capacity) {
    long[][] old = {first, second};
    first = new long[capacity];
    second = new long[capacity];
    return old;
  }

  @Override
  void copyValue(Object oldValues, int from, int to) {
    long[][] old = (long[][]) oldValues;
    first[to] = old[0][from];
    second[to] = old[1][from];
  }
}
