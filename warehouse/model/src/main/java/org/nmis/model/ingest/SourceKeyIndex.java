package org.nmis.model.ingest;

/**
 * What the registration writer knows of every source record already in {@code registrations}: the
 * 64-bit hash of its source key (source state, source record ID) mapped to the 64-bit hash of its
 * current content. An open-addressing table of primitive longs, 16 bytes a record at most 60% full:
 * about 27 MB for a million records, 2.7 GB for a hundred million (beyond that, shard the writer by
 * topic partition, docs/SCALING.md).
 *
 * <p>The index only routes work; it never decides alone what the table holds. A key it has never
 * seen goes to the cheap append; a key it knows goes to the MERGE, which also inserts when the
 * table lacks the key. So a hash collision of two source keys costs a MERGE, never a lost record;
 * only the index missing a key the table has could add a duplicate, and the index is rebuilt from
 * the table whenever the writer starts. Not thread-safe: one writer, one index.
 */
public final class SourceKeyIndex {
  /** Marks a free slot; a real key hash equal to it is stored in {@link #zeroKeyContent}. */
  private static final long FREE = 0L;

  private long[] keys;
  private long[] contents;
  private int size;
  private boolean hasZeroKey;
  private long zeroKeyContent;

  public SourceKeyIndex() {
    this(1 << 16);
  }

  public SourceKeyIndex(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected / 0.6)));
    keys = new long[capacity * 2];
    contents = new long[capacity * 2];
  }

  /** How many source records the index holds. */
  public int size() {
    return size + (hasZeroKey ? 1 : 0);
  }

  /** Whether a record with this key hash was ever written. */
  public boolean contains(long key) {
    return key == FREE ? hasZeroKey : keys[slot(key)] == key;
  }

  /** The content hash last written for this key; only meaningful when {@link #contains} is true. */
  public long content(long key) {
    if (key == FREE) {
      return zeroKeyContent;
    }
    return contents[slot(key)];
  }

  /** Records that the table now holds this content for this key. */
  public void put(long key, long content) {
    if (key == FREE) {
      hasZeroKey = true;
      zeroKeyContent = content;
      return;
    }
    int at = slot(key);
    if (keys[at] != key) {
      keys[at] = key;
      size++;
    }
    contents[at] = content;
    if (size > keys.length * 0.6) {
      grow();
    }
  }

  /** The slot holding the key, or the free slot where it would go (linear probing). */
  private int slot(long key) {
    int mask = keys.length - 1;
    int at = (int) mix(key) & mask;
    while (keys[at] != FREE && keys[at] != key) {
      at = (at + 1) & mask;
    }
    return at;
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldContents = contents;
    keys = new long[oldKeys.length * 2];
    contents = new long[oldKeys.length * 2];
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != FREE) {
        int at = slot(oldKeys[i]);
        keys[at] = oldKeys[i];
        contents[at] = oldContents[i];
      }
    }
  }

  /** Spreads the bits of a hash that may come from a weak source (a murmur-style finaliser). */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  @Override
  public String toString() {
    return "SourceKeyIndex[" + size() + " records, " + keys.length + " slots]";
  }
}
