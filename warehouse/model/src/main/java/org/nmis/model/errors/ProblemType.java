package org.nmis.model.errors;

import java.util.Locale;

/**
 * The one error contract. Every enum of errors that a caller can meet implements it: the
 * registration rules, the movement workflow, tracing, governed SQL, uploads and the API's own
 * checks. One handler in the API turns any of them into an RFC 7807 problem body (type {@code
 * .../problems/{code}}, title, status, detail, code), so a client handles every error the same way.
 * Codes are stable and unique across the product (a test in the API checks): never renumber one,
 * add new codes instead.
 */
public interface ProblemType {
  /** The stable code clients build on, for example {@code NMIS-MOV-003}. */
  String code();

  /** The HTTP status of an answer that fails with this error. */
  int httpStatus();

  /** The enum constant's name; the default title is made from it. */
  String name();

  /**
   * A short summary for the problem body's title; the detail says what was wrong in this request.
   */
  default String title() {
    String words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
