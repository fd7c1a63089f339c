package org.nmis.api.errors;

import org.nmis.model.errors.ProblemType;

/**
 * An error the caller can fix: one of the product's {@link ProblemType}s and a detail that says
 * what is wrong in this request, why, and what to do. Rendered as an RFC 7807 problem by {@link
 * ProblemHandler}. There is no constructor that takes a code as text: every code is an enum
 * constant, so codes stay unique and documented.
 */
public class ApiException extends RuntimeException {
  private final ProblemType error;

  public ApiException(ProblemType error, String detail) {
    super(detail);
    this.error = error;
  }

  public ProblemType error() {
    return error;
  }
}
