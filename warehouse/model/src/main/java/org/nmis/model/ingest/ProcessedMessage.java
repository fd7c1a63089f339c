package org.nmis.model.ingest;

import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.Registration;

/**
 * What the warehouse makes of one message of the registrations topic: the payload as it may be
 * stored (Aadhaar tokenised), the source key when it could be read, and either the normalised
 * registration with the person ID its log position would give it, or every error.
 */
public record ProcessedMessage(
    String sanitizedPayload,
    Integer sourceStateCode,
    String sourceRecordId,
    Registration registration,
    PersonId candidatePersonId,
    List<FieldError> errors) {

  public ProcessedMessage {
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return registration != null;
  }
}
