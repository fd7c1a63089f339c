package org.nmis.model.ids;

import java.util.Optional;

/**
 * A person's unique ID as people see it: ten Crockford base-32 symbols, nine carrying 45 bits and
 * one Damm check symbol, written {@code XXXXX-XXXXX} (for example {@code 7K2QM-X9F3A}). Parsing
 * forgives what people do when they type an ID heard on the phone: lower case, spaces or no hyphen,
 * I or L for 1, O for 0.
 */
public record PersonId(String value) {
  static final int PAYLOAD_SYMBOLS = 9;
  static final int PAYLOAD_BITS = PAYLOAD_SYMBOLS * 5;

  public PersonId {
    if (value == null || !value.equals(canonicalize(value))) {
      throw new IllegalArgumentException("not a canonical person ID: " + value);
    }
  }

  /**
   * The canonical ID for a 45-bit payload (the output of the keyed permutation); serving indexes
   * keep IDs as these numbers, 8 bytes instead of a 72-byte object.
   */
  public static PersonId ofPayload(long payload) {
    if (payload < 0 || payload >= 1L << PAYLOAD_BITS) {
      throw new IllegalArgumentException("not a 45-bit person ID payload: " + payload);
    }
    int[] symbols = new int[PAYLOAD_SYMBOLS + 1];
    for (int i = PAYLOAD_SYMBOLS - 1; i >= 0; i--) {
      symbols[i] = (int) (payload & 0x1F);
      payload >>>= 5;
    }
    symbols[PAYLOAD_SYMBOLS] =
        DammCheck32.checkSymbol(java.util.Arrays.copyOf(symbols, PAYLOAD_SYMBOLS));
    return new PersonId(render(symbols));
  }

  /** The 45 bits this ID carries: {@code ofPayload(id.payload())} equals {@code id}. */
  public long payload() {
    long payload = 0;
    for (int i = 0; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c != '-') {
        payload = (payload << 5) | Crockford32.value(c);
      }
    }
    return payload;
  }

  /**
   * The canonical ID for what a person typed, or empty if it is malformed or its check symbol is
   * wrong.
   */
  public static Optional<PersonId> parse(String typed) {
    return Optional.ofNullable(canonicalize(typed)).map(PersonId::new);
  }

  private static String canonicalize(String typed) {
    if (typed == null) {
      return null;
    }
    int[] symbols = new int[PAYLOAD_SYMBOLS + 1];
    int n = 0;
    for (int i = 0; i < typed.length(); i++) {
      char c = typed.charAt(i);
      if (c == '-' || c == ' ') {
        continue;
      }
      int v = Crockford32.value(c);
      if (v < 0 || n == symbols.length) {
        return null;
      }
      symbols[n++] = v;
    }
    if (n != symbols.length || DammCheck32.interim(symbols) != 0) {
      return null;
    }
    return render(symbols);
  }

  private static String render(int[] symbols) {
    StringBuilder sb = new StringBuilder(symbols.length + 1);
    for (int i = 0; i < symbols.length; i++) {
      if (i == 5) {
        sb.append('-');
      }
      sb.append(Crockford32.symbol(symbols[i]));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return value;
  }
}
