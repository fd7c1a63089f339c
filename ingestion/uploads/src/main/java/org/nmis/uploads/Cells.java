package org.nmis.uploads;

/** Small helpers on cell text and spreadsheet cell references. */
final class Cells {
  /**
   * Ends a cut cell. No field accepts it, so a cut value is always rejected, never silently
   * shortened.
   */
  static final String CUT_MARK = "…";

  private Cells() {}

  /** The value, or its first max characters followed by {@link #CUT_MARK} when it is longer. */
  static String bounded(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + CUT_MARK;
  }

  /** Spreadsheet column letters: 0 is A, 26 is AA. */
  static String columnName(int column) {
    StringBuilder s = new StringBuilder();
    for (int n = column + 1; n > 0; n = (n - 1) / 26) {
      s.append((char) ('A' + (n - 1) % 26));
    }
    return s.reverse().toString();
  }

  /** The column of a cell reference such as "AB12", counting from 0; -1 if it has no letters. */
  static int columnIndex(String reference) {
    int column = 0;
    int i = 0;
    for (; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /** The row of a cell reference such as "AB12"; 0 if it has none. */
  static long rowNumber(String reference) {
    long row = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = reference.charAt(i);
      if (c >= '0' && c <= '9') {
        row = row * 10 + (c - '0');
      }
    }
    return row;
  }
}
