package org.nmis.ingestion.synthetic;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.nmis.model.registration.ErrorCode;

/**
 * One generated message for topic nmis.registrations.v1: its Kafka key, its JSON value, and what it
 * is, so that a test or benchmark knows the expected outcome without validating it again.
 *
 * @param key {@code source_state_code:source_record_id}, the key states publish under
 * @param value the registration as JSON (UTF-8), raw input values as a state system sends them
 * @param kind a new valid or invalid registration, or a re-send or correction of an earlier valid
 *     one
 * @param defects for a {@link Kind#NEW_INVALID} message the rules it breaks (one or two); empty
 *     otherwise
 */
public record SyntheticMessage(String key, byte[] value, Kind kind, List<Defect> defects) {

  public enum Kind {
    NEW_VALID,
    NEW_INVALID,
    /** Byte for byte an earlier valid message (the latest version of its key). */
    RESEND,
    /** An earlier valid registration, same key, with one or two values changed; itself valid. */
    CORRECTION
  }

  public SyntheticMessage {
    Objects.requireNonNull(key);
    Objects.requireNonNull(value);
    Objects.requireNonNull(kind);
    defects = List.copyOf(defects);
    if ((kind == Kind.NEW_INVALID) == defects.isEmpty()) {
      throw new IllegalArgumentException(
          "exactly the NEW_INVALID messages carry defects: " + kind + " " + defects);
    }
  }

  /** Whether the validator accepts the message. */
  public boolean valid() {
    return kind != Kind.NEW_INVALID;
  }

  /**
   * The errors the validator reports for the message, one per defect; empty for a valid message.
   */
  public List<ErrorCode> expectedErrors() {
    return defects.stream().map(Defect::errorCode).toList();
  }

  // A record compares arrays by identity; two messages are the same when their bytes are.
  @Override
  public boolean equals(Object o) {
    return o instanceof SyntheticMessage m
        && key.equals(m.key)
        && Arrays.equals(value, m.value)
        && kind == m.kind
        && defects.equals(m.defects);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, Arrays.hashCode(value), kind, defects);
  }

  @Override
  public String toString() {
    return kind
        + " "
        + key
        + " "
        + new String(value, StandardCharsets.UTF_8)
        + (defects.isEmpty() ? "" : " " + defects);
  }
}
