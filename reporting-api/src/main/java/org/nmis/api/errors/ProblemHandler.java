package org.nmis.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.nmis.api.movement.MovementService;
import org.nmis.api.sql.SqlController;
import org.nmis.movement.MovementException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error leaves as an RFC 7807 problem with a {@code code}; never a stack trace. */
@RestControllerAdvice
public class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  public static ProblemDetail problem(HttpStatus status, String code, String detail, String path) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://nmis.example/problems/" + code));
    p.setTitle(status.getReasonPhrase());
    p.setProperty("code", code);
    if (path != null) {
      p.setInstance(URI.create(path));
    }
    return p;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
    ProblemDetail p = problem(e.status(), e.code(), e.getMessage(), request.getRequestURI());
    if (e instanceof SqlController.SqlProblem sql) {
      sql.rejected().position().ifPresent(pos -> {
        p.setProperty("line", pos.line());
        p.setProperty("column", pos.column());
      });
    }
    return ResponseEntity.status(e.status()).body(p);
  }

  /** The movement workflow's refusals: 403 role or jurisdiction, 409 state or version, 400 input. */
  @ExceptionHandler(MovementException.class)
  ResponseEntity<ProblemDetail> movement(MovementException e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.valueOf(e.error().kind().httpStatus());
    return ResponseEntity.status(status).body(problem(status, e.error().code(), e.detail(),
        request.getRequestURI()));
  }

  @ExceptionHandler(MovementService.RequestNotFoundException.class)
  ResponseEntity<ProblemDetail> noRequest(MovementService.RequestNotFoundException e,
      HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, "REQUEST_NOT_FOUND",
        e.getMessage(), request.getRequestURI()));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e,
      HttpServletRequest request) {
    return bad("MISSING_PARAMETER", "query parameter '" + e.getParameterName() + "' is required", request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return bad("INVALID_PARAMETER", "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'",
        request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return bad("UNREADABLE_BODY", "the request body could not be read; send JSON (Content-Type: application/json)",
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    HttpStatus s = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
    return ResponseEntity.status(s).body(problem(s, "UNSUPPORTED_MEDIA_TYPE",
        "content type " + e.getContentType() + " is not supported; send application/json", request.getRequestURI()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    HttpStatus s = HttpStatus.METHOD_NOT_ALLOWED;
    return ResponseEntity.status(s).body(problem(s, "METHOD_NOT_ALLOWED",
        e.getMethod() + " is not allowed here", request.getRequestURI()));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
    HttpStatus s = HttpStatus.NOT_FOUND;
    return ResponseEntity.status(s).body(problem(s, "NOT_FOUND", "no such endpoint", request.getRequestURI()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("unexpected error on {}", request.getRequestURI(), e);
    HttpStatus s = HttpStatus.INTERNAL_SERVER_ERROR;
    return ResponseEntity.status(s).body(problem(s, "INTERNAL_ERROR",
        "the service failed to answer; the error is logged, try again or report the time of the request",
        request.getRequestURI()));
  }

  private static ResponseEntity<ProblemDetail> bad(String code, String detail, HttpServletRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, code, detail, request.getRequestURI()));
  }
}
