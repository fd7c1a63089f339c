package org.nmis.model.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A keyed bijection of [0, 2^bits): a balanced Feistel network over bits+1 (or bits) and
 * cycle-walking back into range. Being a bijection it cannot map two inputs to one output, which is
 * what makes person IDs collision-free; the key only makes them unguessable (no one can walk the ID
 * space by counting).
 */
final class KeyedPermutation {
  private static final int ROUNDS = 6;
  private final int bits;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  KeyedPermutation(int bits, String key) {
    if (bits < 2 || bits > 62) {
      throw new IllegalArgumentException("bits must be in 2..62, was " + bits);
    }
    this.bits = bits;
    this.halfBits = (bits + 1) / 2;
    this.halfMask = (1L << halfBits) - 1;
    byte[] digest = sha256(key);
    for (int i = 0; i < ROUNDS; i++) {
      long k = 0;
      for (int j = 0; j < 8; j++) {
        k = (k << 8) | (digest[(i * 5 + j) % digest.length] & 0xFF);
      }
      roundKeys[i] = k;
    }
  }

  long permute(long value) {
    if (value < 0 || value >= (1L << bits)) {
      throw new IllegalArgumentException("value out of range: " + value);
    }
    long x = value;
    do {
      x = feistel(x);
    } while (x >= (1L << bits)); // cycle-walking: the Feistel domain is 2*halfBits >= bits wide
    return x;
  }

  private long feistel(long x) {
    long left = x >>> halfBits;
    long right = x & halfMask;
    for (long roundKey : roundKeys) {
      long next = left ^ (mix(right ^ roundKey) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
