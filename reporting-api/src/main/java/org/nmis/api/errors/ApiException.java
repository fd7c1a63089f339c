package org.nmis.api.errors;

import org.springframework.http.HttpStatus;

/**
 * An error the caller can fix: an HTTP status, a stable code, and a detail that says what is wrong, why, and what
 * to do. Rendered as an RFC 7807 problem by {@link ProblemHandler}.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String code;

  public ApiException(HttpStatus status, String code, String detail) {
    super(detail);
    this.status = status;
    this.code = code;
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }
}
