package org.nmis.model.registration;

import java.util.List;

/**
 * The outcome of validating one {@link RegistrationInput}: a normalised registration, or every
 * failed rule.
 */
public sealed interface ValidationResult {

  record Valid(Registration registration) implements ValidationResult {}

  record Invalid(List<FieldError> errors) implements ValidationResult {
    public Invalid {
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one error");
      }
      errors = List.copyOf(errors);
    }
  }

  default boolean isValid() {
    return this instanceof Valid;
  }
}
