package org.nmis.model.registration;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nmis.model.privacy.AadhaarScrubber;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.privacy.Verhoeff;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;

/**
 * Checks a registration against the standard data model and normalises it. Every rule is checked,
 * so a row that breaks several rules reports all of them at once. Thread-safe; the same instance
 * serves the API, file uploads and the streaming job, so a record is judged the same way whichever
 * way it came in.
 */
public final class RegistrationValidator {
  public static final int MAX_SOURCE_RECORD_ID = 64;
  public static final int MAX_NAME = 100;
  public static final int MAX_GROUP_REF = 64;
  public static final int MAX_VEHICLE_REF = 32;
  public static final int MAX_AGE = 120;
  public static final int MAX_PERSONS_ACCOMPANYING = 20;

  private static final List<DateTimeFormatter> DATE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern FOUR_DIGITS = Pattern.compile("[0-9]{4}");
  private static final Pattern VEHICLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /-]*");

  private final ReferenceData reference;
  private final AadhaarTokenizer tokenizer;

  public RegistrationValidator(ReferenceData reference, AadhaarTokenizer tokenizer) {
    this.reference = reference;
    this.tokenizer = tokenizer;
  }

  public ValidationResult validate(RegistrationInput in) {
    List<FieldError> errors = new ArrayList<>();
    for (String key : in.unknownFields()) {
      errors.add(FieldError.of(ErrorCode.UNKNOWN_FIELD, key, null));
    }
    for (String key : in.nonTextFields()) {
      errors.add(FieldError.of(ErrorCode.NOT_A_TEXT_VALUE, key, null));
    }
    Integer sourceState = stateCode(in, Field.SOURCE_STATE_CODE, errors);
    String sourceRecordId =
        plainText(in, Field.SOURCE_RECORD_ID, MAX_SOURCE_RECORD_ID, true, errors);
    String name = name(in, errors);
    Integer age = integer(in, Field.AGE, true, 0, MAX_AGE, ErrorCode.AGE_OUT_OF_RANGE, errors);
    Gender gender = gender(in, errors);
    String mobile = mobile(in, errors);
    String[] aadhaar = aadhaar(in, errors);
    Integer originState = stateCode(in, Field.ORIGIN_STATE_CODE, errors);
    Integer originDistrict = districtCode(in, Field.ORIGIN_DISTRICT_CODE, originState, errors);
    Integer destinationState = stateCode(in, Field.DESTINATION_STATE_CODE, errors);
    Integer destinationDistrict =
        districtCode(in, Field.DESTINATION_DISTRICT_CODE, destinationState, errors);
    if (originDistrict != null && originDistrict.equals(destinationDistrict)) {
      errors.add(
          FieldError.of(
              ErrorCode.SAME_ORIGIN_AND_DESTINATION,
              Field.DESTINATION_DISTRICT_CODE,
              in.get(Field.DESTINATION_DISTRICT_CODE)));
    }
    if (sourceState != null
        && originState != null
        && destinationState != null
        && !sourceState.equals(originState)
        && !sourceState.equals(destinationState)) {
      errors.add(
          FieldError.of(
              ErrorCode.SOURCE_STATE_NOT_PARTY,
              Field.SOURCE_STATE_CODE,
              in.get(Field.SOURCE_STATE_CODE)));
    }
    LocalDate travelDate = travelDate(in, errors);
    TravelMode mode = oneOf(in, Field.MODE, TravelMode.class, true, ErrorCode.MODE_INVALID, errors);
    Integer accompanying =
        integer(
            in,
            Field.PERSONS_ACCOMPANYING,
            false,
            0,
            MAX_PERSONS_ACCOMPANYING,
            ErrorCode.PERSONS_ACCOMPANYING_OUT_OF_RANGE,
            errors);
    String groupRef = plainText(in, Field.GROUP_REF, MAX_GROUP_REF, false, errors);
    Category category =
        oneOf(in, Field.CATEGORY, Category.class, false, ErrorCode.CATEGORY_INVALID, errors);
    String vehicleRef = vehicleRef(in, errors);

    if (!errors.isEmpty()) {
      return new ValidationResult.Invalid(errors);
    }
    return new ValidationResult.Valid(
        new Registration(
            sourceState,
            sourceRecordId,
            name,
            age,
            gender,
            mobile,
            aadhaar[0],
            aadhaar[1],
            originState,
            originDistrict,
            destinationState,
            destinationDistrict,
            travelDate,
            mode,
            accompanying == null ? 0 : accompanying,
            groupRef,
            category,
            vehicleRef));
  }

  /** The value with surrounding white space removed; null when absent or blank. */
  private static String value(RegistrationInput in, Field field) {
    String v = in.get(field);
    if (v == null) {
      return null;
    }
    v = v.strip();
    return v.isEmpty() ? null : v;
  }

  private static String required(
      RegistrationInput in, Field field, boolean required, List<FieldError> errors) {
    String v = value(in, field);
    if (v == null && required) {
      errors.add(FieldError.of(ErrorCode.REQUIRED, field, null));
    }
    return v;
  }

  private static String plainText(
      RegistrationInput in, Field field, int max, boolean required, List<FieldError> errors) {
    String v = required(in, field, required, errors);
    if (v == null) {
      return null;
    }
    boolean ok = true;
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(
          FieldError.of(ErrorCode.TOO_LONG, field.key(), v)
              .withRule("must be at most " + max + " characters"));
      ok = false;
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      errors.add(FieldError.of(ErrorCode.INVALID_CHARACTERS, field, v));
      ok = false;
    }
    // Free-text IDs are stored in clear, so an Aadhaar number typed into one would leak into the
    // tables.
    if (!AadhaarScrubber.scrub(v).equals(v)) {
      errors.add(FieldError.of(ErrorCode.CONTAINS_AADHAAR_NUMBER, field, v));
      ok = false;
    }
    return ok ? v : null;
  }

  private static String name(RegistrationInput in, List<FieldError> errors) {
    String v = required(in, Field.NAME, true, errors);
    if (v == null) {
      return null;
    }
    String n = SPACES.matcher(Normalizer.normalize(v, Normalizer.Form.NFC)).replaceAll(" ");
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      errors.add(
          FieldError.of(ErrorCode.TOO_LONG, Field.NAME.key(), v)
              .withRule("must be at most " + MAX_NAME + " characters"));
      return null;
    }
    boolean hasLetter = n.codePoints().anyMatch(Character::isLetter);
    boolean allAllowed =
        n.codePoints()
            .allMatch(
                c ->
                    Character.isLetter(c)
                        || isMark(c)
                        || c == ' '
                        || c == '.'
                        || c == '\''
                        || c == '-');
    if (!hasLetter || !allAllowed) {
      errors.add(FieldError.of(ErrorCode.NAME_INVALID, Field.NAME, v));
      return null;
    }
    return n;
  }

  // Devanagari and other Indic scripts write vowel signs and viramas as combining marks.
  private static boolean isMark(int c) {
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK
        || c == 0x200C
        || c == 0x200D;
  }

  private static Integer integer(
      RegistrationInput in,
      Field field,
      boolean required,
      int min,
      int max,
      ErrorCode outOfRange,
      List<FieldError> errors) {
    String v = required(in, field, required, errors);
    if (v == null) {
      return null;
    }
    Integer parsed = parseInt(v);
    if (parsed == null) {
      errors.add(FieldError.of(ErrorCode.NOT_AN_INTEGER, field, v));
      return null;
    }
    if (parsed < min || parsed > max) {
      errors.add(FieldError.of(outOfRange, field, v));
      return null;
    }
    return parsed;
  }

  /** Whole numbers as sheets write them: "7", "07", "7.0"; null for anything else. */
  static Integer parseInt(String v) {
    String s = v.endsWith(".0") ? v.substring(0, v.length() - 2) : v;
    if (s.isEmpty() || s.length() > 9) {
      return null;
    }
    int start = s.charAt(0) == '-' ? 1 : 0;
    if (start == s.length()) {
      return null;
    }
    for (int i = start; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(s);
  }

  private static Gender gender(RegistrationInput in, List<FieldError> errors) {
    String v = required(in, Field.GENDER, true, errors);
    if (v == null) {
      return null;
    }
    switch (v.toUpperCase(Locale.ROOT)) {
      case "M":
      case "MALE":
        return Gender.M;
      case "F":
      case "FEMALE":
        return Gender.F;
      case "T":
      case "TRANSGENDER":
        return Gender.T;
      case "U":
      case "UNDISCLOSED":
        return Gender.U;
      default:
        errors.add(FieldError.of(ErrorCode.GENDER_INVALID, Field.GENDER, v));
        return null;
    }
  }

  private static String mobile(RegistrationInput in, List<FieldError> errors) {
    String v = required(in, Field.MOBILE, true, errors);
    if (v == null) {
      return null;
    }
    Optional<String> normalised = MobileNumbers.normalise(v);
    if (normalised.isEmpty()) {
      errors.add(FieldError.of(ErrorCode.MOBILE_INVALID, Field.MOBILE, v));
    }
    return normalised.orElse(null);
  }

  /** {token, last four digits}, both null when no Aadhaar number was given. */
  private String[] aadhaar(RegistrationInput in, List<FieldError> errors) {
    String v = value(in, Field.AADHAAR);
    if (v != null) {
      String digits = v.replace(" ", "").replace("-", "");
      if (digits.length() != 12
          || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
          || digits.charAt(0) == '0'
          || digits.charAt(0) == '1') {
        errors.add(
            FieldError.of(
                ErrorCode.AADHAAR_FORMAT, Field.AADHAAR, AadhaarTokenizer.masked(digits)));
        return new String[2];
      }
      if (!Verhoeff.isValid(digits)) {
        errors.add(
            FieldError.of(
                ErrorCode.AADHAAR_CHECKSUM, Field.AADHAAR, AadhaarTokenizer.masked(digits)));
        return new String[2];
      }
      return new String[] {tokenizer.token(digits), AadhaarTokenizer.lastFour(digits)};
    }
    String token = value(in, Field.AADHAAR_TOKEN);
    String last4 = value(in, Field.AADHAAR_LAST4);
    if (token == null && last4 == null) {
      return new String[2];
    }
    if (token == null
        || last4 == null
        || !HEX64.matcher(token).matches()
        || !FOUR_DIGITS.matcher(last4).matches()) {
      errors.add(FieldError.of(ErrorCode.AADHAAR_TOKEN_INVALID, Field.AADHAAR_TOKEN, null));
      return new String[2];
    }
    return new String[] {token, last4};
  }

  private Integer stateCode(RegistrationInput in, Field field, List<FieldError> errors) {
    String v = required(in, field, true, errors);
    if (v == null) {
      return null;
    }
    Integer code = parseInt(v);
    if (code == null || reference.state(code).isEmpty()) {
      errors.add(FieldError.of(ErrorCode.STATE_UNKNOWN, field, v));
      return null;
    }
    return code;
  }

  private Integer districtCode(
      RegistrationInput in, Field field, Integer stateCode, List<FieldError> errors) {
    String v = required(in, field, true, errors);
    if (v == null) {
      return null;
    }
    Integer code = parseInt(v);
    Optional<District> district = code == null ? Optional.empty() : reference.district(code);
    if (district.isEmpty()) {
      errors.add(FieldError.of(ErrorCode.DISTRICT_UNKNOWN, field, v));
      return null;
    }
    if (stateCode != null && district.get().stateCode() != stateCode) {
      String stateName = reference.state(district.get().stateCode()).map(s -> s.name()).orElse("?");
      errors.add(
          FieldError.of(ErrorCode.DISTRICT_NOT_IN_STATE, field.key(), v)
              .withRule(
                  "is a district of "
                      + stateName
                      + " ("
                      + district.get().stateCode()
                      + "), not of state "
                      + stateCode));
      return null;
    }
    return code;
  }

  private static LocalDate travelDate(RegistrationInput in, List<FieldError> errors) {
    String v = required(in, Field.TRAVEL_DATE, true, errors);
    if (v == null) {
      return null;
    }
    // The shape picks the one format that can match, so a date is parsed once.
    DateTimeFormatter f =
        v.indexOf('/') >= 0
            ? DATE_FORMATS.get(2)
            : v.indexOf('-') == 4 ? DATE_FORMATS.get(0) : DATE_FORMATS.get(1);
    try {
      return LocalDate.parse(v, f);
    } catch (DateTimeParseException ignored) {
      // reported below
    }
    errors.add(FieldError.of(ErrorCode.DATE_INVALID, Field.TRAVEL_DATE, v));
    return null;
  }

  private static <E extends Enum<E>> E oneOf(
      RegistrationInput in,
      Field field,
      Class<E> type,
      boolean required,
      ErrorCode invalid,
      List<FieldError> errors) {
    String v = required(in, field, required, errors);
    if (v == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.of(invalid, field, v));
      return null;
    }
  }

  private static String vehicleRef(RegistrationInput in, List<FieldError> errors) {
    String v = plainText(in, Field.VEHICLE_REF, MAX_VEHICLE_REF, false, errors);
    if (v != null && !VEHICLE.matcher(v).matches()) {
      errors.add(FieldError.of(ErrorCode.INVALID_CHARACTERS, Field.VEHICLE_REF, v));
      return null;
    }
    return v == null ? null : v.toUpperCase(Locale.ROOT);
  }
}
