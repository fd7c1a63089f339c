package org.nmis.tracing;

/**
 * A tracing request refused. The message starts with the stable code and says what is wrong, why
 * and what to do; {@link #error()} tells the web layer which status to answer.
 */
public final class TracingException extends RuntimeException {
  private final TracingError error;

  public TracingException(TracingError error, String detail) {
    super(error.code() + ": " + detail);
    this.error = error;
  }

  public TracingError error() {
    return error;
  }

  /** The message without the code, for problem bodies that carry the code separately. */
  public String detail() {
    return getMessage().substring(error.code().length() + 2);
  }
}
