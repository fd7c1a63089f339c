package org.nmis.reports;

/**
 * A report could not be produced for a reason that is not the caller's: a template that does not
 * compile, a font missing from the jar, an export error. The service answers 500 and logs the
 * cause.
 */
public final class ReportFailure extends RuntimeException {
  public ReportFailure(String message, Throwable cause) {
    super(message + (cause == null ? "" : ": " + cause.getMessage()), cause);
  }
}
