package org.nmis.reports;

/** Argument checks shared by the report records. */
final class Checks {
  private Checks() {}

  static String text(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a report needs " + what + "; it was empty");
    }
    return value;
  }
}
