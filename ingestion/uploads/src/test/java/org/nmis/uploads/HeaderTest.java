package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.uploads.TestFiles.RAM;
import static org.nmis.uploads.TestFiles.SHORT_HEADER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.testing.RegistrationFixtures;

class HeaderTest {
  @TempDir Path dir;

  private Path csv(String header) {
    return TestFiles.write(dir, "f.csv", header + "\n" + RAM + "\n");
  }

  @Test
  void namesMatchTrimmedAndInAnyCase() throws IOException {
    String header = SHORT_HEADER.replace("name,", " NAME ,").replace("mode", "Mode\u00A0");
    assertEquals("Ram Kumar", TestFiles.readAll(csv(header)).get(0).input().get(Field.NAME));
  }

  @Test
  void missingRequiredColumnsAreNamed() {
    String message =
        TestFiles.refusal(
            csv(SHORT_HEADER.replace(",mobile", "").replace(",mode", "")),
            UploadProblem.HEADER_MISMATCH);
    assertTrue(
        message.contains(
            "the header row (line 1) does not match the standard columns: required columns"
                + " missing: mobile, mode."),
        message);
    assertTrue(
        message.endsWith(
            "in any order and any case: source_record_id, name, age, gender, mobile,"
                + " origin_state_code, origin_district_code, destination_state_code, destination_district_code,"
                + " travel_date, mode (required), aadhaar, persons_accompanying, group_ref, category, vehicle_ref"
                + " (optional)."),
        "the message lists the expected headers: " + message);
  }

  @Test
  void unknownColumnsAreNamedAsWritten() {
    String message =
        TestFiles.refusal(csv(SHORT_HEADER + ",Aadhar No,Remarks"), UploadProblem.HEADER_MISMATCH);
    assertTrue(
        message.contains("columns not in the standard data model: Aadhar No, Remarks."), message);
    assertFalse(message.contains("missing"), message);
  }

  @Test
  void sourceStateCodeAndTheAadhaarTokenAreRefusedBecauseTheWarehouseSetsThem() {
    String message =
        TestFiles.refusal(
            csv(SHORT_HEADER + ",source_state_code,aadhaar_token"), UploadProblem.HEADER_MISMATCH);
    assertTrue(
        message.contains(
            "columns the warehouse sets itself, to remove: source_state_code, aadhaar_token"
                + " (the uploading state comes from your login"),
        message);
  }

  @Test
  void aColumnNamedTwiceIsRefusedWithBothPlaces() {
    String message = TestFiles.refusal(csv(SHORT_HEADER + ",AGE"), UploadProblem.HEADER_MISMATCH);
    assertTrue(message.contains("columns named twice: age (columns C and L)"), message);
  }

  @Test
  void everyHeaderProblemIsReportedAtOnce() {
    String message =
        TestFiles.refusal(
            csv(SHORT_HEADER.replace(",mobile", "") + ",Remarks,source_state_code,age"),
            UploadProblem.HEADER_MISMATCH);
    assertTrue(
        message.contains(
            "missing: mobile; columns not in the standard data model: Remarks; columns the"
                + " warehouse sets itself"),
        message);
    assertTrue(message.contains("; columns named twice: age"), message);
  }

  @Test
  void aSemicolonSeparatedFileGetsAHint() {
    String message =
        TestFiles.refusal(csv(SHORT_HEADER.replace(',', ';')), UploadProblem.HEADER_MISMATCH);
    assertTrue(
        message.contains("(the columns look separated by ';': save the file with commas)"),
        message);
  }

  @Test
  void aHeaderWiderThanTheLimitIsRefused() {
    Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxRows(), 12, 1_000);
    String message =
        TestFiles.refusal(csv(SHORT_HEADER + ",a,b"), limits, UploadProblem.HEADER_MISMATCH);
    assertTrue(message.contains("it has more than 12 named columns"), message);
  }

  @Test
  void aHeaderWithoutRowsIsEmpty() {
    String message =
        TestFiles.refusal(
            TestFiles.write(dir, "h.csv", SHORT_HEADER + "\n\n,,,\n"), UploadProblem.EMPTY);
    assertTrue(
        message.contains("has a header row (line 1) but no registrations under it"), message);
  }

  @Test
  void aFileOfBlankLinesHasNoHeader() {
    String message =
        TestFiles.refusal(TestFiles.write(dir, "b.csv", "\n ,\n\n"), UploadProblem.EMPTY);
    assertTrue(message.contains("no header row: every row is blank"), message);
  }

  /** The header check must demand exactly the columns whose absence the validator rejects. */
  @Test
  void theRequiredColumnsAreTheFieldsTheValidatorRequires() {
    RegistrationValidator validator = RegistrationFixtures.validator();
    RegistrationInput.Builder complete =
        RegistrationFixtures.ramFromPuneToGorakhpur().set(Field.VEHICLE_REF, "04112");
    assertTrue(validator.validate(complete.build()) instanceof ValidationResult.Valid);
    for (Field field : Field.SUBMITTED) {
      ValidationResult result =
          validator.validate(complete.build().toBuilder().set(field, null).build());
      boolean required =
          result instanceof ValidationResult.Invalid invalid
              && invalid.errors().stream()
                  .anyMatch(e -> e.code() == ErrorCode.REQUIRED && e.field().equals(field.key()));
      assertEquals(UploadColumns.REQUIRED.contains(field), required, field.key());
    }
    assertEquals(
        Field.SUBMITTED.size(), UploadColumns.REQUIRED.size() + UploadColumns.OPTIONAL.size());
    assertEquals(
        List.of(
            Field.AADHAAR,
            Field.PERSONS_ACCOMPANYING,
            Field.GROUP_REF,
            Field.CATEGORY,
            Field.VEHICLE_REF),
        UploadColumns.OPTIONAL);
  }
}
