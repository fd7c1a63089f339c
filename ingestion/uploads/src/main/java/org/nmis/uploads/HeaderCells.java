package org.nmis.uploads;

import java.util.ArrayList;
import java.util.List;

/** Collects the named cells of a candidate header row, at most maxColumns of them. */
final class HeaderCells implements CellSink {
  record Named(int column, String name) {}

  private final int maxColumns;
  private final List<Named> named = new ArrayList<>();
  private long beyondLimit;

  HeaderCells(int maxColumns) {
    this.maxColumns = maxColumns;
  }

  @Override
  public void cell(int column, String value) {
    String name = normalise(value);
    if (name.isEmpty()) {
      return;
    }
    if (named.size() < maxColumns) {
      named.add(new Named(column, name));
    } else {
      beyondLimit++;
    }
  }

  boolean isBlank() {
    return named.isEmpty();
  }

  List<Named> named() {
    return named;
  }

  /** Named cells past {@code maxColumns}, which were not kept. */
  long beyondLimit() {
    return beyondLimit;
  }

  int maxColumns() {
    return maxColumns;
  }

  /**
   * Headers pasted from the web carry no-break spaces, and a second byte-order mark can survive
   * re-saving.
   */
  private static String normalise(String value) {
    return value.replace('\u00A0', ' ').replace("\uFEFF", "").strip();
  }
}
