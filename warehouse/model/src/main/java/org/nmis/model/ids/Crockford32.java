package org.nmis.model.ids;

/**
 * Crockford's base-32 alphabet: digits and letters without I, L, O and U, so that an ID read out on
 * the phone cannot be confused (I/L sound and look like 1, O like 0) and cannot spell common words.
 */
final class Crockford32 {
  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private Crockford32() {}

  static char symbol(int value) {
    return ALPHABET.charAt(value);
  }

  /** The value of a symbol as a person may type it (lower case, I/L for 1, O for 0), or -1. */
  static int value(char c) {
    char u = Character.toUpperCase(c);
    switch (u) {
      case 'O':
        return 0;
      case 'I':
      case 'L':
        return 1;
      default:
        return ALPHABET.indexOf(u);
    }
  }
}
