package org.nmis.model.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.nmis.model.testing.RegistrationFixtures.AADHAAR;
import static org.nmis.model.testing.RegistrationFixtures.AADHAAR_PRINTED;
import static org.nmis.model.testing.RegistrationFixtures.BIHAR;
import static org.nmis.model.testing.RegistrationFixtures.GORAKHPUR;
import static org.nmis.model.testing.RegistrationFixtures.MAHARASHTRA;
import static org.nmis.model.testing.RegistrationFixtures.MUMBAI;
import static org.nmis.model.testing.RegistrationFixtures.PATNA;
import static org.nmis.model.testing.RegistrationFixtures.PUNE;
import static org.nmis.model.testing.RegistrationFixtures.RAM_MOBILE;
import static org.nmis.model.testing.RegistrationFixtures.UTTAR_PRADESH;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.ramWithTokenisedAadhaar;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.privacy.AadhaarScrubber;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * Every rule of the standard data model: a passing and a failing case each, with the exact code and
 * field.
 */
class RegistrationValidatorTest {
  private static final RegistrationValidator VALIDATOR = RegistrationFixtures.validator();

  // ---------------------------------------------------------------------------------------------------------------
  // helpers

  private static Registration valid(RegistrationInput.Builder in) {
    ValidationResult result = VALIDATOR.validate(in.build());
    if (result instanceof ValidationResult.Invalid invalid) {
      fail("expected a valid registration, got " + invalid.errors());
    }
    return ((ValidationResult.Valid) result).registration();
  }

  private static List<FieldError> errors(RegistrationInput.Builder in) {
    ValidationResult result = VALIDATOR.validate(in.build());
    if (result instanceof ValidationResult.Valid v) {
      fail("expected errors, got a valid registration " + v.registration());
    }
    assertFalse(result.isValid());
    return ((ValidationResult.Invalid) result).errors();
  }

  /**
   * The input breaks exactly one rule: that code, on that field; the message names the field (and
   * the value).
   */
  private static FieldError onlyError(RegistrationInput.Builder in, ErrorCode code, String field) {
    List<FieldError> errors = errors(in);
    assertEquals(1, errors.size(), () -> "expected exactly one error, got " + errors);
    FieldError e = errors.get(0);
    assertEquals(code, e.code(), () -> "wrong code: " + e);
    assertEquals(field, e.field(), () -> "wrong field: " + e);
    assertTrue(
        e.message().startsWith(field + " "),
        () -> "message does not name the field first: " + e.message());
    if (e.value() != null) {
      String shown = e.value().length() <= 80 ? e.value() : e.value().substring(0, 77) + "...";
      assertTrue(
          e.message().contains("'" + shown + "'"),
          () -> "message does not show the value: " + e.message());
    }
    return e;
  }

  /**
   * As {@link #onlyError}, and the value reported is the one sent (stripped; any Aadhaar-like 12
   * digits masked), named in the message.
   */
  private static FieldError onlyError(
      RegistrationInput.Builder in, ErrorCode code, Field field, String value) {
    FieldError e = onlyError(in, code, field.key());
    assertEquals(AadhaarScrubber.scrub(value), e.value());
    return e;
  }

  private static Set<ErrorCode> codes(List<FieldError> errors) {
    return errors.stream().map(FieldError::code).collect(Collectors.toSet());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // canonical fixtures

  @Test
  void ramIsValidAndNormalised() {
    Registration r = valid(ramFromPuneToGorakhpur());
    assertEquals(MAHARASHTRA, r.sourceStateCode());
    assertEquals("MH-PUNE-000001", r.sourceRecordId());
    assertEquals("Ram Kumar", r.name());
    assertEquals(34, r.age());
    assertEquals(Gender.M, r.gender());
    assertEquals(RAM_MOBILE, r.mobile());
    assertEquals(RegistrationFixtures.tokenizer().token(AADHAAR), r.aadhaarToken());
    assertEquals(AADHAAR.substring(8), r.aadhaarLast4());
    assertEquals(MAHARASHTRA, r.originStateCode());
    assertEquals(PUNE, r.originDistrictCode());
    assertEquals(UTTAR_PRADESH, r.destinationStateCode());
    assertEquals(GORAKHPUR, r.destinationDistrictCode());
    assertEquals(LocalDate.of(2020, 5, 18), r.travelDate());
    assertEquals(TravelMode.TRAIN, r.mode());
    assertEquals(2, r.personsAccompanying());
    assertEquals("FAMILY-17", r.groupRef());
    assertEquals(Category.LABOUR, r.category());
    assertNull(r.vehicleRef());
    assertEquals("27:MH-PUNE-000001", r.sourceKey());
  }

  @Test
  void sitaIsValidAndNormalised() {
    Registration r = valid(sitaFromPuneToPatna());
    assertEquals(BIHAR, r.sourceStateCode());
    assertEquals("सीता देवी", r.name());
    assertEquals(Gender.F, r.gender());
    assertEquals("+917000012345", r.mobile());
    assertNull(r.aadhaarToken());
    assertNull(r.aadhaarLast4());
    assertEquals(PATNA, r.destinationDistrictCode());
    assertEquals(LocalDate.of(2020, 5, 20), r.travelDate());
    assertEquals(TravelMode.BUS, r.mode());
    assertEquals(0, r.personsAccompanying());
    assertNull(r.groupRef());
    assertEquals(Category.STUDENT, r.category());
  }

  @Test
  void validationIsDeterministicAndTheContentHashTellsACorrection() {
    Registration a = valid(ramFromPuneToGorakhpur());
    Registration b = valid(ramFromPuneToGorakhpur());
    assertEquals(a, b);
    assertEquals(a.contentHash(), b.contentHash());
    assertEquals(32, a.contentHash().length());
    Registration corrected = valid(ramFromPuneToGorakhpur().set(Field.AGE, "35"));
    assertNotEquals(a.contentHash(), corrected.contentHash());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // REQUIRED

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {
        "SOURCE_STATE_CODE",
        "SOURCE_RECORD_ID",
        "NAME",
        "AGE",
        "GENDER",
        "MOBILE",
        "ORIGIN_STATE_CODE",
        "ORIGIN_DISTRICT_CODE",
        "DESTINATION_STATE_CODE",
        "DESTINATION_DISTRICT_CODE",
        "TRAVEL_DATE",
        "MODE"
      })
  void requiredFieldMissing(Field field) {
    FieldError e =
        onlyError(ramFromPuneToGorakhpur().set(field, null), ErrorCode.REQUIRED, field.key());
    assertNull(e.value());
    assertEquals(field.key() + " is required", e.message());
  }

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {
        "SOURCE_STATE_CODE",
        "SOURCE_RECORD_ID",
        "NAME",
        "AGE",
        "GENDER",
        "MOBILE",
        "ORIGIN_STATE_CODE",
        "ORIGIN_DISTRICT_CODE",
        "DESTINATION_STATE_CODE",
        "DESTINATION_DISTRICT_CODE",
        "TRAVEL_DATE",
        "MODE"
      })
  void requiredFieldBlank(Field field) {
    onlyError(ramFromPuneToGorakhpur().set(field, " \t "), ErrorCode.REQUIRED, field.key());
    onlyError(ramFromPuneToGorakhpur().set(field, ""), ErrorCode.REQUIRED, field.key());
  }

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {
        "AADHAAR",
        "PERSONS_ACCOMPANYING",
        "GROUP_REF",
        "CATEGORY",
        "VEHICLE_REF",
        "AADHAAR_TOKEN",
        "AADHAAR_LAST4"
      })
  void optionalFieldsMayBeAbsentOrBlank(Field field) {
    valid(ramFromPuneToGorakhpur().set(field, null));
    valid(ramFromPuneToGorakhpur().set(field, "  "));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // source_record_id, group_ref, vehicle_ref: length and characters

  @Test
  void sourceRecordIdOf64CharactersPasses() {
    String id = "R".repeat(64);
    assertEquals(
        id, valid(ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, id)).sourceRecordId());
  }

  @Test
  void sourceRecordIdOf65CharactersIsTooLong() {
    String id = "R".repeat(65);
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, id),
            ErrorCode.TOO_LONG,
            Field.SOURCE_RECORD_ID,
            id);
    assertTrue(e.message().contains("64"), e.message());
  }

  @Test
  void sourceRecordIdLengthCountsCharactersNotUtf16Units() {
    String id = "\uD835\uDC00".repeat(64); // 64 mathematical bold A, each two UTF-16 units
    valid(ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, id));
  }

  @Test
  void sourceRecordIdIsStripped() {
    assertEquals(
        "MH-7",
        valid(ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, "  MH-7 ")).sourceRecordId());
  }

  @Test
  void sourceRecordIdWithControlCharacters() {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, "MH\u00007"),
        ErrorCode.INVALID_CHARACTERS,
        Field.SOURCE_RECORD_ID,
        "MH\u00007");
  }

  @Test
  void groupRef() {
    assertEquals(
        "G".repeat(64),
        valid(ramFromPuneToGorakhpur().set(Field.GROUP_REF, "G".repeat(64))).groupRef());
    onlyError(
        ramFromPuneToGorakhpur().set(Field.GROUP_REF, "G".repeat(65)),
        ErrorCode.TOO_LONG,
        Field.GROUP_REF,
        "G".repeat(65));
    onlyError(
        ramFromPuneToGorakhpur().set(Field.GROUP_REF, "FAM\n17"),
        ErrorCode.INVALID_CHARACTERS,
        Field.GROUP_REF,
        "FAM\n17");
  }

  @ParameterizedTest
  @CsvSource({
    "04152 shramik, 04152 SHRAMIK",
    "MH-12/AB-1234, MH-12/AB-1234",
    "ub 53 t 1234, UB 53 T 1234"
  })
  void vehicleRefPassesUpperCased(String sent, String stored) {
    assertEquals(stored, valid(ramFromPuneToGorakhpur().set(Field.VEHICLE_REF, sent)).vehicleRef());
  }

  @ParameterizedTest
  @ValueSource(strings = {"#12", "-12", "12_A", "train#4", "गाड़ी 12"})
  void vehicleRefWithInvalidCharacters(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.VEHICLE_REF, sent),
        ErrorCode.INVALID_CHARACTERS,
        Field.VEHICLE_REF,
        sent);
  }

  @Test
  void vehicleRefLength() {
    valid(ramFromPuneToGorakhpur().set(Field.VEHICLE_REF, "V".repeat(32)));
    onlyError(
        ramFromPuneToGorakhpur().set(Field.VEHICLE_REF, "V".repeat(33)),
        ErrorCode.TOO_LONG,
        Field.VEHICLE_REF,
        "V".repeat(33));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // name

  @Test
  void hindiNameInDevanagariIsValidAndKeptInScript() {
    assertEquals("सीता देवी", valid(ramFromPuneToGorakhpur().set(Field.NAME, "सीता देवी")).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"முருகன்", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ", "D'Souza", "Mary-Ann K.", "অমিত দাস"})
  void namesInOtherScriptsAndWithPunctuationAreValid(String name) {
    assertEquals(name, valid(ramFromPuneToGorakhpur().set(Field.NAME, name)).name());
  }

  @Test
  void nameIsTrimmedAndInnerSpacesCollapsed() {
    assertEquals(
        "Ram Kumar", valid(ramFromPuneToGorakhpur().set(Field.NAME, "  Ram \t  Kumar ")).name());
    assertEquals(
        "सीता देवी", valid(ramFromPuneToGorakhpur().set(Field.NAME, " सीता   देवी  ")).name());
  }

  @Test
  void nameIsNormalisedToNfc() {
    // "é" written as e + combining acute accent is stored precomposed
    assertEquals("Jos\u00e9", valid(ramFromPuneToGorakhpur().set(Field.NAME, "Jose\u0301")).name());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Ram Kumar 2", "R4m", "सीता ३", "Ram@Kumar", "...", "-"})
  void nameWithDigitsOrSymbolsOrNoLetters(String name) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.NAME, name), ErrorCode.NAME_INVALID, Field.NAME, name);
  }

  @Test
  void emptyNameIsRequiredNotInvalid() {
    onlyError(ramFromPuneToGorakhpur().set(Field.NAME, ""), ErrorCode.REQUIRED, Field.NAME.key());
  }

  @Test
  void nameLength() {
    valid(ramFromPuneToGorakhpur().set(Field.NAME, "a".repeat(100)));
    onlyError(
        ramFromPuneToGorakhpur().set(Field.NAME, "a".repeat(101)),
        ErrorCode.TOO_LONG,
        Field.NAME.key());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // age

  @ParameterizedTest
  @CsvSource({"0, 0", "120, 120", "34, 34", "07, 7", "34.0, 34", "' 18 ', 18"})
  void ageInRange(String sent, int age) {
    assertEquals(age, valid(ramFromPuneToGorakhpur().set(Field.AGE, sent)).age());
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "121", "150", "999999999"})
  void ageOutOfRange(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.AGE, sent), ErrorCode.AGE_OUT_OF_RANGE, Field.AGE, sent);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "34.5", "3 4", "-", "1e2", "thirty", "12345678901234"})
  void ageNotAnInteger(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.AGE, sent), ErrorCode.NOT_AN_INTEGER, Field.AGE, sent);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // gender

  @ParameterizedTest
  @CsvSource({
    "M, M",
    "F, F",
    "T, T",
    "U, U",
    "m, M",
    "f, F",
    "t, T",
    "u, U",
    "Male, M",
    "FEMALE, F"
  })
  void genderPasses(String sent, Gender gender) {
    assertEquals(gender, valid(ramFromPuneToGorakhpur().set(Field.GENDER, sent)).gender());
  }

  @ParameterizedTest
  @ValueSource(strings = {"X", "O", "MF", "1"})
  void genderInvalid(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.GENDER, sent),
        ErrorCode.GENDER_INVALID,
        Field.GENDER,
        sent);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // mobile

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9876543210",
        "+919876543210",
        "919876543210",
        "09876543210",
        "+91 98765-43210",
        " 98765 43210 ",
        "+91 (98765) 432.10",
        "91-98765-43210",
        "0 98765 43210"
      })
  void mobileIsNormalised(String sent) {
    assertEquals(RAM_MOBILE, valid(ramFromPuneToGorakhpur().set(Field.MOBILE, sent)).mobile());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5876543210",
        "12345",
        "+11234567890",
        "+9876543210",
        "98765432101",
        "9876543210x",
        "98765+43210",
        "+915876543210",
        "0919876543210"
      })
  void mobileInvalid(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.MOBILE, sent),
        ErrorCode.MOBILE_INVALID,
        Field.MOBILE,
        sent.strip());
  }

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {"NAME", "MOBILE", "AGE", "TRAVEL_DATE", "GENDER", "ORIGIN_DISTRICT_CODE"})
  void anAadhaarNumberTypedIntoAnotherFieldIsMaskedInTheError(Field field) {
    List<FieldError> errors = errors(ramFromPuneToGorakhpur().set(field, AADHAAR_PRINTED));
    assertEquals(1, errors.size(), errors::toString);
    FieldError e = errors.get(0);
    assertEquals(field.key(), e.field());
    assertEquals("XXXXXXXX" + AADHAAR.substring(8), e.value());
    assertNoClearAadhaar(e, AADHAAR);
  }

  @Test
  void mobileStartingSixIsValid() {
    assertEquals(
        "+916000000000", valid(ramFromPuneToGorakhpur().set(Field.MOBILE, "6000000000")).mobile());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Aadhaar

  @ParameterizedTest
  @ValueSource(strings = {"clear", "printed", "hyphenated"})
  void validAadhaarBecomesTokenAndLastFour(String form) {
    String sent =
        switch (form) {
          case "clear" -> AADHAAR;
          case "printed" -> AADHAAR_PRINTED;
          default -> AADHAAR_PRINTED.replace(' ', '-');
        };
    Registration r = valid(ramFromPuneToGorakhpur().set(Field.AADHAAR, sent));
    assertTrue(Pattern.matches("[0-9a-f]{64}", r.aadhaarToken()), r.aadhaarToken());
    assertEquals(RegistrationFixtures.tokenizer().token(AADHAAR), r.aadhaarToken());
    assertEquals(AADHAAR.substring(8), r.aadhaarLast4());
    assertFalse(r.toString().contains(AADHAAR), "the clear number is in the registration");
    assertFalse(
        r.toString().contains(AADHAAR.substring(0, 8)), "the clear number is in the registration");
  }

  /**
   * Regression for the Verhoeff table typo: real numbers with a 6, 7 or 8 fifth from the right were
   * rejected.
   */
  @ParameterizedTest
  @ValueSource(strings = {"2345 6786 0127", "2345 6787 0125", "2345 6788 0126"})
  void aadhaarNumbersValidUnderTheStandardVerhoeffTablesPass(String sent) {
    Registration r = valid(ramFromPuneToGorakhpur().set(Field.AADHAAR, sent));
    assertEquals(sent.substring(10), r.aadhaarLast4());
  }

  @Test
  void theSameAadhaarGetsTheSameTokenAndADifferentOneAnother() {
    String other = RegistrationFixtures.withCheckDigit("59901234567");
    Registration a = valid(ramFromPuneToGorakhpur());
    Registration b = valid(sitaFromPuneToPatna().set(Field.AADHAAR, AADHAAR_PRINTED));
    Registration c = valid(ramFromPuneToGorakhpur().set(Field.AADHAAR, other));
    assertEquals(a.aadhaarToken(), b.aadhaarToken());
    assertNotEquals(a.aadhaarToken(), c.aadhaarToken());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "012345678901",
        "123456789012",
        "23456789012",
        "2345678901234",
        "2345abcd0123",
        "2345.6789.0123"
      })
  void aadhaarFormat(String sent) {
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.AADHAAR, sent),
            ErrorCode.AADHAAR_FORMAT,
            Field.AADHAAR.key());
    String digits = sent.replace(" ", "").replace("-", "");
    assertEquals(AadhaarTokenizer.masked(digits), e.value());
    assertNoClearAadhaar(e, sent);
  }

  @Test
  void aadhaarWithAWrongCheckDigitIsMasked() {
    String wrong = RegistrationFixtures.aadhaarWithWrongCheckDigit();
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.AADHAAR, wrong),
            ErrorCode.AADHAAR_CHECKSUM,
            Field.AADHAAR.key());
    assertEquals("XXXXXXXX" + wrong.substring(8), e.value());
    assertNoClearAadhaar(e, wrong);
  }

  @Test
  void aadhaarWithAWrongCheckDigitAsPrintedIsMasked() {
    String wrong = RegistrationFixtures.aadhaarWithWrongCheckDigit();
    String printed = wrong.substring(0, 4) + " " + wrong.substring(4, 8) + " " + wrong.substring(8);
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.AADHAAR, printed),
            ErrorCode.AADHAAR_CHECKSUM,
            Field.AADHAAR.key());
    assertEquals("XXXXXXXX" + wrong.substring(8), e.value());
    assertNoClearAadhaar(e, wrong);
  }

  @Test
  void everySingleDigitTypoOfAValidAadhaarFailsTheChecksum() {
    for (int i = 1;
        i < 12;
        i++) { // position 0 would change the first digit to 0/1 for some, skip it
      for (char d = '0'; d <= '9'; d++) {
        if (d == AADHAAR.charAt(i)) {
          continue;
        }
        String typo = AADHAAR.substring(0, i) + d + AADHAAR.substring(i + 1);
        List<FieldError> errors = errors(ramFromPuneToGorakhpur().set(Field.AADHAAR, typo));
        assertEquals(
            List.of(ErrorCode.AADHAAR_CHECKSUM),
            errors.stream().map(FieldError::code).toList(),
            typo);
      }
    }
  }

  private static void assertNoClearAadhaar(FieldError e, String sent) {
    String digits = sent.replaceAll("[^0-9]", "");
    String hidden = digits.length() > 4 ? digits.substring(0, digits.length() - 4) : "";
    for (String s : new String[] {e.value(), e.message()}) {
      assertFalse(Pattern.compile("[0-9]{5,}").matcher(s).find(), () -> "clear digits in: " + s);
      if (hidden.length() >= 4) {
        assertFalse(s.replaceAll("[^0-9]", "").contains(hidden), () -> "clear digits in: " + s);
      }
    }
  }

  @Test
  void tokenAndLastFourPass() {
    Registration r = valid(ramWithTokenisedAadhaar());
    assertEquals(RegistrationFixtures.tokenizer().token(AADHAAR), r.aadhaarToken());
    assertEquals(AADHAAR.substring(8), r.aadhaarLast4());
    assertEquals(valid(ramFromPuneToGorakhpur()), r);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "NULL, 4567", // last four without a token
        "TOKEN, NULL", // token without last four
        "abc, 4567", // not 64 hex
        "UPPER, 4567", // hex must be lower case, as the tokenizer writes it
        "TOKEN, 456", // last four must be four digits
        "TOKEN, 45a7"
      })
  void tokenAndLastFourInvalid(String token, String last4) {
    String real = RegistrationFixtures.tokenizer().token(AADHAAR);
    String t =
        token == null
            ? null
            : token.equals("TOKEN") ? real : token.equals("UPPER") ? real.toUpperCase() : token;
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur()
                .set(Field.AADHAAR, null)
                .set(Field.AADHAAR_TOKEN, t)
                .set(Field.AADHAAR_LAST4, last4),
            ErrorCode.AADHAAR_TOKEN_INVALID,
            Field.AADHAAR_TOKEN.key());
    assertNull(e.value());
  }

  @Test
  void aClearAadhaarWinsOverAToken() {
    Registration r =
        valid(
            ramFromPuneToGorakhpur()
                .set(Field.AADHAAR_TOKEN, "0".repeat(64))
                .set(Field.AADHAAR_LAST4, "0000"));
    assertEquals(RegistrationFixtures.tokenizer().token(AADHAAR), r.aadhaarToken());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // states and districts

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {"SOURCE_STATE_CODE", "ORIGIN_STATE_CODE", "DESTINATION_STATE_CODE"})
  void unknownState(Field field) {
    onlyError(ramFromPuneToGorakhpur().set(field, "99"), ErrorCode.STATE_UNKNOWN, field, "99");
    onlyError(ramFromPuneToGorakhpur().set(field, "MH"), ErrorCode.STATE_UNKNOWN, field, "MH");
    onlyError(ramFromPuneToGorakhpur().set(field, "0"), ErrorCode.STATE_UNKNOWN, field, "0");
  }

  @Test
  void stateCodesAsSheetsWriteThem() {
    Registration r =
        valid(
            ramFromPuneToGorakhpur()
                .set(Field.ORIGIN_STATE_CODE, "27.0")
                .set(Field.DESTINATION_STATE_CODE, "09")
                .set(Field.SOURCE_STATE_CODE, " 27 "));
    assertEquals(MAHARASHTRA, r.originStateCode());
    assertEquals(UTTAR_PRADESH, r.destinationStateCode());
    assertEquals(MAHARASHTRA, r.sourceStateCode());
  }

  @ParameterizedTest
  @EnumSource(
      value = Field.class,
      names = {"ORIGIN_DISTRICT_CODE", "DESTINATION_DISTRICT_CODE"})
  void unknownDistrict(Field field) {
    onlyError(
        ramFromPuneToGorakhpur().set(field, "99999"), ErrorCode.DISTRICT_UNKNOWN, field, "99999");
    onlyError(
        ramFromPuneToGorakhpur().set(field, "Pune"), ErrorCode.DISTRICT_UNKNOWN, field, "Pune");
  }

  @Test
  void originDistrictOfAnotherState() {
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.ORIGIN_DISTRICT_CODE, GORAKHPUR),
            ErrorCode.DISTRICT_NOT_IN_STATE,
            Field.ORIGIN_DISTRICT_CODE,
            "148");
    assertTrue(e.message().contains("Uttar Pradesh"), e.message());
    assertTrue(e.message().contains("27"), e.message());
  }

  @Test
  void destinationDistrictOfAnotherState() {
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.DESTINATION_DISTRICT_CODE, PATNA),
            ErrorCode.DISTRICT_NOT_IN_STATE,
            Field.DESTINATION_DISTRICT_CODE,
            "212");
    assertTrue(e.message().contains("Bihar"), e.message());
  }

  @Test
  void districtIsNotCheckedAgainstAnUnknownState() {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.ORIGIN_STATE_CODE, "99"),
        ErrorCode.STATE_UNKNOWN,
        Field.ORIGIN_STATE_CODE,
        "99");
  }

  @Test
  void sameOriginAndDestinationDistrict() {
    onlyError(
        ramFromPuneToGorakhpur()
            .set(Field.DESTINATION_STATE_CODE, MAHARASHTRA)
            .set(Field.DESTINATION_DISTRICT_CODE, PUNE),
        ErrorCode.SAME_ORIGIN_AND_DESTINATION,
        Field.DESTINATION_DISTRICT_CODE,
        "490");
  }

  @Test
  void anotherDistrictOfTheSameStateIsAJourney() {
    Registration r =
        valid(
            ramFromPuneToGorakhpur()
                .set(Field.DESTINATION_STATE_CODE, MAHARASHTRA)
                .set(Field.DESTINATION_DISTRICT_CODE, MUMBAI));
    assertEquals(MUMBAI, r.destinationDistrictCode());
  }

  @Test
  void sourceStateMustBeOriginOrDestination() {
    valid(ramFromPuneToGorakhpur().set(Field.SOURCE_STATE_CODE, MAHARASHTRA)); // origin
    valid(ramFromPuneToGorakhpur().set(Field.SOURCE_STATE_CODE, UTTAR_PRADESH)); // destination
    onlyError(
        ramFromPuneToGorakhpur().set(Field.SOURCE_STATE_CODE, BIHAR),
        ErrorCode.SOURCE_STATE_NOT_PARTY,
        Field.SOURCE_STATE_CODE,
        "10");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // travel date

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2020-05-18",
        "18-05-2020",
        "18/05/2020",
        "18-5-2020",
        "18/5/2020",
        " 2020-05-18 "
      })
  void travelDateFormats(String sent) {
    assertEquals(
        LocalDate.of(2020, 5, 18),
        valid(ramFromPuneToGorakhpur().set(Field.TRAVEL_DATE, sent)).travelDate());
  }

  @Test
  void leapDay() {
    assertEquals(
        LocalDate.of(2020, 2, 29),
        valid(ramFromPuneToGorakhpur().set(Field.TRAVEL_DATE, "29/02/2020")).travelDate());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "31-02-2020",
        "2020-13-01",
        "yesterday",
        "2020-02-30",
        "29-02-2021",
        "2020/05/18",
        "05-18-2020",
        "18.05.2020",
        "2020-5-18T00:00"
      })
  void travelDateInvalid(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.TRAVEL_DATE, sent),
        ErrorCode.DATE_INVALID,
        Field.TRAVEL_DATE,
        sent);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // mode, persons accompanying, category

  @ParameterizedTest
  @CsvSource({"TRAIN, TRAIN", "train, TRAIN", "Bus, BUS", "OTHER, OTHER"})
  void modePasses(String sent, TravelMode mode) {
    assertEquals(mode, valid(ramFromPuneToGorakhpur().set(Field.MODE, sent)).mode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PLANE", "TRAINS", "1"})
  void modeInvalid(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.MODE, sent), ErrorCode.MODE_INVALID, Field.MODE, sent);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "20, 20", "2.0, 2"})
  void personsAccompanyingInRange(String sent, int n) {
    assertEquals(
        n,
        valid(ramFromPuneToGorakhpur().set(Field.PERSONS_ACCOMPANYING, sent))
            .personsAccompanying());
  }

  @Test
  void personsAccompanyingAbsentIsZero() {
    assertEquals(
        0,
        valid(ramFromPuneToGorakhpur().set(Field.PERSONS_ACCOMPANYING, null))
            .personsAccompanying());
  }

  @ParameterizedTest
  @ValueSource(strings = {"21", "-1", "100"})
  void personsAccompanyingOutOfRange(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.PERSONS_ACCOMPANYING, sent),
        ErrorCode.PERSONS_ACCOMPANYING_OUT_OF_RANGE,
        Field.PERSONS_ACCOMPANYING,
        sent);
  }

  @Test
  void personsAccompanyingNotAnInteger() {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.PERSONS_ACCOMPANYING, "two"),
        ErrorCode.NOT_AN_INTEGER,
        Field.PERSONS_ACCOMPANYING,
        "two");
  }

  @ParameterizedTest
  @EnumSource(Category.class)
  void categoryPasses(Category category) {
    assertEquals(
        category, valid(ramFromPuneToGorakhpur().set(Field.CATEGORY, category.name())).category());
    assertEquals(
        category,
        valid(ramFromPuneToGorakhpur().set(Field.CATEGORY, category.name().toLowerCase()))
            .category());
  }

  @Test
  void categoryAbsentIsNull() {
    assertNull(valid(ramFromPuneToGorakhpur().set(Field.CATEGORY, null)).category());
  }

  @ParameterizedTest
  @ValueSource(strings = {"WORKER", "LABOURER", "1"})
  void categoryInvalid(String sent) {
    onlyError(
        ramFromPuneToGorakhpur().set(Field.CATEGORY, sent),
        ErrorCode.CATEGORY_INVALID,
        Field.CATEGORY,
        sent);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // unknown and non-text fields

  @Test
  void unknownField() {
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().unknownField("aadhar_no"),
            ErrorCode.UNKNOWN_FIELD,
            "aadhar_no");
    assertNull(e.value());
    assertEquals("aadhar_no " + ErrorCode.UNKNOWN_FIELD.rule(), e.message());
  }

  @Test
  void nonTextField() {
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().nonTextField("group_ref"),
            ErrorCode.NOT_A_TEXT_VALUE,
            "group_ref");
    assertNull(e.value());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // several rules at once

  @Test
  void aRowBreakingSeveralRulesReportsAllOfThem() {
    List<FieldError> errors =
        errors(
            ramFromPuneToGorakhpur()
                .set(Field.NAME, "Ram 2")
                .set(Field.AGE, "150")
                .set(Field.GENDER, "X")
                .set(Field.MOBILE, "12345")
                .set(Field.AADHAAR, RegistrationFixtures.aadhaarWithWrongCheckDigit())
                .set(Field.DESTINATION_DISTRICT_CODE, "99999")
                .set(Field.TRAVEL_DATE, "yesterday")
                .set(Field.MODE, "PLANE")
                .set(Field.PERSONS_ACCOMPANYING, "21")
                .set(Field.CATEGORY, "WORKER")
                .set(Field.SOURCE_RECORD_ID, null)
                .unknownField("remarks"));
    assertEquals(12, errors.size(), () -> errors.toString());
    assertEquals(
        Set.of(
            ErrorCode.UNKNOWN_FIELD,
            ErrorCode.REQUIRED,
            ErrorCode.NAME_INVALID,
            ErrorCode.AGE_OUT_OF_RANGE,
            ErrorCode.GENDER_INVALID,
            ErrorCode.MOBILE_INVALID,
            ErrorCode.AADHAAR_CHECKSUM,
            ErrorCode.DISTRICT_UNKNOWN,
            ErrorCode.DATE_INVALID,
            ErrorCode.MODE_INVALID,
            ErrorCode.PERSONS_ACCOMPANYING_OUT_OF_RANGE,
            ErrorCode.CATEGORY_INVALID),
        codes(errors));
    assertEquals(
        Set.of(
            "remarks",
            "source_record_id",
            "name",
            "age",
            "gender",
            "mobile",
            "aadhaar",
            "destination_district_code",
            "travel_date",
            "mode",
            "persons_accompanying",
            "category"),
        errors.stream().map(FieldError::field).collect(Collectors.toSet()));
  }

  @Test
  void threeBrokenRulesGiveThreeErrors() {
    List<FieldError> errors =
        errors(
            ramFromPuneToGorakhpur()
                .set(Field.AGE, "abc")
                .set(Field.GENDER, "X")
                .set(Field.ORIGIN_DISTRICT_CODE, GORAKHPUR));
    assertEquals(3, errors.size(), errors::toString);
    assertEquals(
        Set.of(ErrorCode.NOT_AN_INTEGER, ErrorCode.GENDER_INVALID, ErrorCode.DISTRICT_NOT_IN_STATE),
        codes(errors));
  }

  @Test
  void anEmptyRowNamesEveryRequiredField() {
    List<FieldError> errors = errors(RegistrationInput.builder());
    assertEquals(12, errors.size(), errors::toString);
    assertEquals(Set.of(ErrorCode.REQUIRED), codes(errors));
  }

  @Test
  void invalidResultNeedsAnError() {
    assertThrows(IllegalArgumentException.class, () -> new ValidationResult.Invalid(List.of()));
  }

  @Test
  void messagesAbbreviateLongValuesButKeepThemInFull() {
    String id = "R".repeat(200);
    FieldError e =
        onlyError(
            ramFromPuneToGorakhpur().set(Field.SOURCE_RECORD_ID, id),
            ErrorCode.TOO_LONG,
            Field.SOURCE_RECORD_ID.key());
    assertEquals(id, e.value());
    assertTrue(e.message().contains("R".repeat(77) + "..."), e.message());
    assertFalse(e.message().contains("R".repeat(81)), e.message());
  }
}
