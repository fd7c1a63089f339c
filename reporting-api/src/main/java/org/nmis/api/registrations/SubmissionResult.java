package org.nmis.api.registrations;

import java.util.List;
import org.nmis.model.registration.FieldError;

/**
 * The answer to a POST of registrations: per record, in request order, its person ID or every
 * error.
 */
public record SubmissionResult(int received, int accepted, int rejected, List<Item> results) {

  public enum Status {
    ACCEPTED,
    REJECTED
  }

  /**
   * @param index position in the request array (0-based)
   */
  public record Item(
      int index, String sourceRecordId, Status status, String personId, List<Error> errors) {}

  public record Error(String code, String field, String value, String message) {
    static Error of(FieldError e) {
      return new Error(e.code().name(), e.field(), e.value(), e.message());
    }
  }
}
