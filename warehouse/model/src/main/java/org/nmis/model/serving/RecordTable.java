package org.nmis.model.serving;

/** Non-zero long keys to one encoded record each: the key, a reference and the bytes. */
final class RecordTable extends LongSlots {
  private byte[][] values = new byte[keys.length][];

  byte[] get(long key) {
    int at = find(key);
    return at < 0 ? null : values[at];
  }

  /** Sets the key's record and returns the one it replaces, or null. */
  byte[] put(long key, byte[] record) {
    int at = find(key);
    if (at >= 0) {
      byte[] previous = values[at];
      values[at] = record;
      return previous;
    }
    int slot = claim(key); // may grow the arrays: index the new ones
    values[slot] = record;
    return null;
  }

  /** Removes the key and returns its record, or null when it had none. */
  byte[] remove(long key) {
    int at = find(key);
    if (at < 0) {
      return null;
    }
    byte[] previous = values[at];
    removeAt(at);
    return previous;
  }

  interface EntryAction {
    void accept(long key, byte[] record);
  }

  void forEach(EntryAction action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  @Override
  void move(int from, int to) {
    values[to] = from < 0 ? null : values[from];
  }

  @Override
  Object replaceValues(int capacity) {
    byte[][] old = values;
    values = new byte[capacity][];
    return old;
  }

  @Override
  void copyValue(Object oldValues, int from, int to) {
    values[to] = ((byte[][]) oldValues)[from];
  }
}
