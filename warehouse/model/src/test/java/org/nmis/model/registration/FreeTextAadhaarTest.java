package org.nmis.model.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nmis.model.testing.RegistrationFixtures;

class FreeTextAadhaarTest {
  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {"SOURCE_RECORD_ID", "GROUP_REF", "VEHICLE_REF"})
  void anAadhaarNumberInAFreeTextIdIsRefusedAndNotEchoed(Field field) {
    String printed = "4990 1234 5678";
    ValidationResult r =
        RegistrationFixtures.validator()
            .validate(RegistrationFixtures.ramFromPuneToGorakhpur().set(field, printed).build());
    assertFalse(r.isValid());
    List<FieldError> errors = ((ValidationResult.Invalid) r).errors();
    FieldError e =
        errors.stream()
            .filter(x -> x.code() == ErrorCode.CONTAINS_AADHAAR_NUMBER)
            .findFirst()
            .orElseThrow();
    assertEquals(field.key(), e.field());
    assertFalse(e.message().contains("4990"));
    assertTrue(e.value().endsWith("5678"));
  }
}
