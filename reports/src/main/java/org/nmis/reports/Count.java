package org.nmis.reports;

/** One labelled count of a report table: a district, a corridor, a status, an error code. */
public record Count(String label, long value) {
  public Count {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException(
          "a report row needs a label (its count was " + value + ")");
    }
    if (value < 0) {
      throw new IllegalArgumentException("the count of '" + label + "' is negative: " + value);
    }
  }
}
