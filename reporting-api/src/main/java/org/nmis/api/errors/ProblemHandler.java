package org.nmis.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.nmis.governance.sql.SqlRejectedException;
import org.nmis.model.errors.ProblemType;
import org.nmis.movement.MovementException;
import org.nmis.movement.service.MovementService;
import org.nmis.tracing.TracingException;
import org.nmis.uploads.UploadProblem;
import org.nmis.uploads.UploadRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error leaves as an RFC 7807 problem with a {@code code}; never a stack trace. The one place
 * where a {@link ProblemType}, from whichever module, becomes a problem body.
 */
@RestControllerAdvice
public class ProblemHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  /**
   * The problem body of an error: type {@code https://nmis.example/problems/{code}}, its title,
   * status and code.
   */
  public static ProblemDetail problem(ProblemType error, String detail, String path) {
    HttpStatus status = HttpStatus.valueOf(error.httpStatus());
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create("https://nmis.example/problems/" + error.code()));
    p.setTitle(error.title());
    p.setProperty("code", error.code());
    if (path != null) {
      p.setInstance(URI.create(path));
    }
    return p;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
    return answer(e.error(), e.getMessage(), request);
  }

  /** Governed SQL's refusals, with the line and column when the parser knows them. */
  @ExceptionHandler(SqlRejectedException.class)
  ResponseEntity<ProblemDetail> sql(SqlRejectedException e, HttpServletRequest request) {
    String at =
        e.position()
            .map(pos -> " (at line " + pos.line() + ", column " + pos.column() + ")")
            .orElse("");
    ProblemDetail p = problem(e.error(), e.detail() + at, request.getRequestURI());
    e.position()
        .ifPresent(
            pos -> {
              p.setProperty("line", pos.line());
              p.setProperty("column", pos.column());
            });
    return ResponseEntity.status(p.getStatus()).body(p);
  }

  /**
   * The movement workflow's refusals: 403 role or jurisdiction, 409 state or version, 400 input.
   */
  @ExceptionHandler(MovementException.class)
  ResponseEntity<ProblemDetail> movement(MovementException e, HttpServletRequest request) {
    return answer(e.error(), e.detail(), request);
  }

  @ExceptionHandler(TracingException.class)
  ResponseEntity<ProblemDetail> tracing(TracingException e, HttpServletRequest request) {
    return answer(e.error(), e.detail(), request);
  }

  @ExceptionHandler(UploadRejectedException.class)
  ResponseEntity<ProblemDetail> upload(UploadRejectedException e, HttpServletRequest request) {
    return answer(e.problem(), e.getMessage(), request);
  }

  /**
   * A file over the multipart limit (spring.servlet.multipart.max-file-size) is refused by Spring
   * before any upload code runs; it gets the uploads' own code and a 413 like any file too big.
   */
  @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
  ResponseEntity<ProblemDetail> tooLarge(
      org.springframework.web.multipart.MaxUploadSizeExceededException e,
      HttpServletRequest request) {
    if (String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase().contains("count")) {
      // Tomcat's limit on the number of parts (maxPartCount) surfaces as the same exception.
      return answer(
          UploadProblem.TOO_BIG,
          "the request has more parts than the service reads; send one file, as the part named"
              + " 'file'",
          request);
    }
    String limit =
        e.getMaxUploadSize() > 0
            ? (e.getMaxUploadSize() / (1024 * 1024)) + " MB"
            : "the service's limit (spring.servlet.multipart.max-file-size)";
    return answer(
        UploadProblem.TOO_BIG,
        "the file is larger than "
            + limit
            + "; nothing of it was read. "
            + UploadProblem.TOO_BIG.fix(),
        request);
  }

  /** A body that is not multipart where a file is expected, or one that cannot be parsed. */
  @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
  ResponseEntity<ProblemDetail> notMultipart(
      org.springframework.web.multipart.MultipartException e, HttpServletRequest request) {
    String type = String.valueOf(request.getContentType());
    if (!type.toLowerCase().startsWith("multipart/")) {
      return answer(
          ApiError.UNSUPPORTED_MEDIA_TYPE,
          "content type "
              + type
              + " is not supported here; send the file as multipart/form-data, in a part named"
              + " 'file' (curl -F file=@registrations.csv)",
          request);
    }
    return answer(
        ApiError.UNREADABLE_BODY,
        "the multipart body could not be read; send the file in a part named 'file'",
        request);
  }

  @ExceptionHandler(
      org.springframework.web.multipart.support.MissingServletRequestPartException.class)
  ResponseEntity<ProblemDetail> missingPart(
      org.springframework.web.multipart.support.MissingServletRequestPartException e,
      HttpServletRequest request) {
    return answer(
        ApiError.MISSING_PARAMETER,
        "part '" + e.getRequestPartName() + "' is required: send the file in a part named 'file'",
        request);
  }

  @ExceptionHandler(MovementService.RequestNotFoundException.class)
  ResponseEntity<ProblemDetail> noRequest(
      MovementService.RequestNotFoundException e, HttpServletRequest request) {
    return answer(ApiError.REQUEST_NOT_FOUND, e.getMessage(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ProblemDetail> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(
        ApiError.MISSING_PARAMETER,
        "query parameter '" + e.getParameterName() + "' is required",
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(
        ApiError.INVALID_PARAMETER,
        "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'",
        request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return answer(
        ApiError.UNREADABLE_BODY,
        "the request body could not be read; send JSON (Content-Type:" + " application/json)",
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return answer(
        ApiError.UNSUPPORTED_MEDIA_TYPE,
        "content type " + e.getContentType() + " is not supported;" + " send application/json",
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return answer(ApiError.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here", request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
    return answer(ApiError.NOT_FOUND, "no such endpoint", request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (clientWentAway(e)) {
      // A closed tab or a client timeout mid-download: nobody is there to read a problem body or a
      // stack trace.
      LOG.info(
          "client closed the connection during {} {}",
          request.getMethod(),
          request.getRequestURI());
      return null;
    }
    LOG.error("unexpected error on {}", request.getRequestURI(), e);
    return answer(
        ApiError.INTERNAL_ERROR,
        "the service failed to answer; the error is logged, try again or report"
            + " the time of the request",
        request);
  }

  /**
   * Whether the failure is the client's connection closing (broken pipe, reset), as the servlet
   * layer reports it.
   */
  static boolean clientWentAway(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String type = t.getClass().getSimpleName();
      String message = String.valueOf(t.getMessage());
      if (type.equals("ClientAbortException")
          || type.equals("AsyncRequestNotUsableException")
          || (t instanceof java.io.IOException
              && (message.contains("Broken pipe") || message.contains("Connection reset")))) {
        return true;
      }
    }
    return false;
  }

  private static ResponseEntity<ProblemDetail> answer(
      ProblemType error, String detail, HttpServletRequest request) {
    ResponseEntity.BodyBuilder answer = ResponseEntity.status(error.httpStatus());
    if (error == ApiError.WARMING_UP) {
      // Clients and load balancers wait this long before asking again.
      answer.header("Retry-After", "5");
    }
    return answer.body(problem(error, detail, request.getRequestURI()));
  }
}
