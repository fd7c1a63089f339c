package org.nmis.model.ingest;

import java.util.List;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.ValidationResult;

/**
 * Turns one message of the registrations topic into a {@link ProcessedMessage}. Pure; thread-safe.
 */
public final class MessageProcessor {
  private final AadhaarTokenizer tokenizer;
  private final RegistrationValidator validator;
  private final PersonIdScheme ids;

  public MessageProcessor(ReferenceData reference, AadhaarTokenizer tokenizer, PersonIdScheme ids) {
    this.tokenizer = tokenizer;
    this.validator = new RegistrationValidator(reference, tokenizer);
    this.ids = ids;
  }

  public ProcessedMessage process(byte[] value, int partition, long offset) {
    RegistrationJson.Received received = RegistrationJson.received(value, tokenizer);
    String sanitized = received.sanitized();
    var input = received.input();
    if (input.isEmpty()) {
      return new ProcessedMessage(
          sanitized,
          null,
          null,
          null,
          null,
          List.of(
              new FieldError(
                  ErrorCode.MALFORMED_MESSAGE,
                  "message",
                  null,
                  "message "
                      + ErrorCode.MALFORMED_MESSAGE.rule()
                      + "; publish one JSON object per message, see docs/DATA_MODEL.md")));
    }
    RegistrationInput in = input.get();
    Integer sourceState = parseCode(in.get(Field.SOURCE_STATE_CODE));
    String sourceRecordId =
        in.get(Field.SOURCE_RECORD_ID) == null ? null : in.get(Field.SOURCE_RECORD_ID).strip();
    ValidationResult result = validator.validate(in);
    if (result instanceof ValidationResult.Valid v) {
      return new ProcessedMessage(
          sanitized,
          v.registration().sourceStateCode(),
          v.registration().sourceRecordId(),
          v.registration(),
          ids.forLogPosition(partition, offset),
          List.of());
    }
    return new ProcessedMessage(
        sanitized,
        sourceState,
        sourceRecordId,
        null,
        null,
        ((ValidationResult.Invalid) result).errors());
  }

  // Whole numbers as sheets and JSON encoders write them ("27", " 27 ", "27.0"), as the validator
  // reads them.
  private static Integer parseCode(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    s = s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
