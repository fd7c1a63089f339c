package org.nmis.model.registration;

import org.nmis.model.privacy.AadhaarScrubber;

/**
 * One failed rule: its stable code, the field (JSON key / CSV header) and the offending value as
 * received (Aadhaar numbers masked), and a message a person at a state data desk can act on.
 */
public record FieldError(ErrorCode code, String field, String value, String message) {

  static FieldError of(ErrorCode code, Field field, String value) {
    return of(code, field.key(), value);
  }

  static FieldError of(ErrorCode code, String field, String rawValue) {
    // A value is echoed back to the state and stored with the reject: an Aadhaar number typed into
    // the wrong
    // field (a name, a mobile) must not travel with it.
    String value = AadhaarScrubber.scrub(rawValue);
    String shown = value == null ? "" : " (got '" + abbreviate(value) + "')";
    return new FieldError(code, field, value, field + " " + code.rule() + shown);
  }

  /** The same error with a more specific rule text than the code's default. */
  FieldError withRule(String rule) {
    String shown = value == null ? "" : " (got '" + abbreviate(value) + "')";
    return new FieldError(code, field, value, field + " " + rule + shown);
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
