package org.nmis.api.errors;

import org.nmis.model.errors.ProblemType;

/**
 * The API's own errors: requests the web layer refuses before any domain module sees them, and the
 * failures of the service itself. The domain modules have their own enums (ErrorCode,
 * MovementError, TracingError, SqlError, UploadProblem); all implement {@link ProblemType}, and
 * ProblemHandler renders any of them. These codes predate the NMIS-XXX-nnn scheme and stay as they
 * are, since clients build on them.
 */
public enum ApiError implements ProblemType {
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  INVALID_BODY(400),
  EMPTY_BATCH(400),
  BATCH_TOO_LARGE(413),
  BROKER_UNAVAILABLE(503),
  INVALID_PERSON_ID(400),
  INVALID_MOBILE(400),
  INVALID_REQUEST_ID(400),
  MISSING_PARAMETER(400),
  INVALID_PARAMETER(400),
  UNREADABLE_BODY(400),
  MISSING_OR_INVALID_FIELD(400),
  MISSING_TOKEN(400),
  INVALID_LEVEL(400),
  INVALID_DATE_RANGE(400),
  PERSON_NOT_FOUND(404),
  STATE_NOT_FOUND(404),
  REQUEST_NOT_FOUND(404),
  UPLOAD_NOT_FOUND(404),
  NO_MANIFEST(404),
  NO_NOC(404),
  NO_EPASS(404),
  UNKNOWN_ACTION(404),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  UNSUPPORTED_MEDIA_TYPE(415),
  FLOWS_NOT_PERMITTED(403),
  REPORT_NOT_PERMITTED(403),
  REPORTS_BUSY(429),
  REPORT_TIMED_OUT(503),
  SMS_SIGNATURE_INVALID(403),
  SMS_NOT_PERMITTED(403),
  FORECAST_NOT_READY(503),
  FORECAST_RUNNING(409),
  WARMING_UP(503),
  TOO_MANY_SIGN_IN_FAILURES(429),
  ERASURE_NOT_PERMITTED(403),
  ERASURE_REASON_REQUIRED(400),
  URL_REJECTED(400),
  INTERNAL_ERROR(500);

  private final int httpStatus;

  ApiError(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  @Override
  public String code() {
    return name();
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }
}
