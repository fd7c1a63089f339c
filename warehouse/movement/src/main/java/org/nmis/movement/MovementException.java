package org.nmis.movement;

/**
 * A command the workflow refuses. The message starts with the stable code and says what is wrong,
 * why and what to do; {@link #error()} tells the web layer which status to answer (403, 409 or
 * 400).
 */
public final class MovementException extends RuntimeException {
  private final MovementError error;

  public MovementException(MovementError error, String detail) {
    super(error.code() + ": " + detail);
    this.error = error;
  }

  public MovementError error() {
    return error;
  }

  /** The message without the code, for problem bodies that carry the code separately. */
  public String detail() {
    return getMessage().substring(error.code().length() + 2);
  }
}
