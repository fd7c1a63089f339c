package org.nmis.model.testing;

import java.time.Instant;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ingest.MessageProcessor;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.privacy.Verhoeff;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.ValidationResult;

/**
 * Named canonical registrations for tests. Each returns a builder, so a test states only what it
 * changes: {@code RegistrationFixtures.ramFromPuneToGorakhpur().set(Field.AGE, "150").build()}.
 */
public final class RegistrationFixtures {
  /** Test-only keys: the real ones come from configuration. */
  public static final String TEST_AADHAAR_KEY = "test-aadhaar-key-not-for-production";

  public static final String TEST_ID_KEY = "test-person-id-key-not-for-production";

  /** LGD codes: Maharashtra (27) / Pune (490); Uttar Pradesh (9) / Gorakhpur (148). */
  public static final int MAHARASHTRA = 27;

  public static final int PUNE = 490;
  public static final int UTTAR_PRADESH = 9;
  public static final int GORAKHPUR = 148;

  /** LGD codes: Bihar (10) / Patna (212). */
  public static final int BIHAR = 10;

  public static final int PATNA = 212;

  /** LGD codes: Delhi (7); Mumbai (482), another district of Maharashtra. */
  public static final int DELHI = 7;

  public static final int MUMBAI = 482;

  /** A valid Aadhaar number (Verhoeff-correct, made up). */
  public static final String AADHAAR = withCheckDigit("49901234567");

  /** {@link #AADHAAR} as printed on the card, grouped 4-4-4. */
  public static final String AADHAAR_PRINTED =
      AADHAAR.substring(0, 4) + " " + AADHAAR.substring(4, 8) + " " + AADHAAR.substring(8);

  /** Ram's mobile number as the model normalises it. */
  public static final String RAM_MOBILE = "+919876543210";

  private RegistrationFixtures() {}

  /** A labourer registered by Maharashtra, going home from Pune to Gorakhpur by train. */
  public static RegistrationInput.Builder ramFromPuneToGorakhpur() {
    return RegistrationInput.builder()
        .set(Field.SOURCE_STATE_CODE, MAHARASHTRA)
        .set(Field.SOURCE_RECORD_ID, "MH-PUNE-000001")
        .set(Field.NAME, "Ram Kumar")
        .set(Field.AGE, "34")
        .set(Field.GENDER, "M")
        .set(Field.MOBILE, "9876543210")
        .set(Field.AADHAAR, AADHAAR)
        .set(Field.ORIGIN_STATE_CODE, MAHARASHTRA)
        .set(Field.ORIGIN_DISTRICT_CODE, PUNE)
        .set(Field.DESTINATION_STATE_CODE, UTTAR_PRADESH)
        .set(Field.DESTINATION_DISTRICT_CODE, GORAKHPUR)
        .set(Field.TRAVEL_DATE, "2020-05-18")
        .set(Field.MODE, "TRAIN")
        .set(Field.PERSONS_ACCOMPANYING, "2")
        .set(Field.GROUP_REF, "FAMILY-17")
        .set(Field.CATEGORY, "LABOUR");
  }

  /**
   * A student registered by Bihar (her home state), Hindi name in Devanagari, no Aadhaar, by bus.
   */
  public static RegistrationInput.Builder sitaFromPuneToPatna() {
    return RegistrationInput.builder()
        .set(Field.SOURCE_STATE_CODE, BIHAR)
        .set(Field.SOURCE_RECORD_ID, "BR-2020-77")
        .set(Field.NAME, "सीता देवी")
        .set(Field.AGE, "21")
        .set(Field.GENDER, "F")
        .set(Field.MOBILE, "+91 70000 12345")
        .set(Field.ORIGIN_STATE_CODE, MAHARASHTRA)
        .set(Field.ORIGIN_DISTRICT_CODE, PUNE)
        .set(Field.DESTINATION_STATE_CODE, BIHAR)
        .set(Field.DESTINATION_DISTRICT_CODE, PATNA)
        .set(Field.TRAVEL_DATE, "20/05/2020")
        .set(Field.MODE, "BUS")
        .set(Field.CATEGORY, "STUDENT");
  }

  /**
   * Ram's registration as the warehouse's own API republishes it: Aadhaar already replaced by its
   * token (under {@link #TEST_AADHAAR_KEY}) and last four digits.
   */
  public static RegistrationInput.Builder ramWithTokenisedAadhaar() {
    return ramFromPuneToGorakhpur()
        .set(Field.AADHAAR, null)
        .set(Field.AADHAAR_TOKEN, tokenizer().token(AADHAAR))
        .set(Field.AADHAAR_LAST4, AADHAAR.substring(8));
  }

  /**
   * Ram as the {@code registrations} table keeps him: tokenised Aadhaar, the person ID of the first
   * message of partition 0, version 1, submitted by Maharashtra's API user.
   */
  public static StoredRegistration ramStored() {
    Registration r =
        ((ValidationResult.Valid) validator().validate(ramFromPuneToGorakhpur().build()))
            .registration();
    Instant at = Instant.parse("2020-05-16T09:30:12.417Z");
    return new StoredRegistration(
        idScheme().forLogPosition(0, 0),
        r,
        1,
        "api:mh-state:STATE:27",
        at,
        "api:mh-state:STATE:27",
        at);
  }

  /** A Verhoeff-correct Aadhaar number with one digit mistyped (the check digit no longer fits). */
  public static String aadhaarWithWrongCheckDigit() {
    char last = AADHAAR.charAt(11);
    return AADHAAR.substring(0, 11) + (char) ('0' + (last - '0' + 1) % 10);
  }

  public static String withCheckDigit(String elevenDigits) {
    return elevenDigits + Verhoeff.checkDigit(elevenDigits);
  }

  public static AadhaarTokenizer tokenizer() {
    return new AadhaarTokenizer(TEST_AADHAAR_KEY);
  }

  public static PersonIdScheme idScheme() {
    return new PersonIdScheme(TEST_ID_KEY, 0);
  }

  /** The validator every test shares: the project's reference data and the test Aadhaar key. */
  public static RegistrationValidator validator() {
    return new RegistrationValidator(ReferenceData.get(), tokenizer());
  }

  /** The message processor under the test keys. */
  public static MessageProcessor messageProcessor() {
    return new MessageProcessor(ReferenceData.get(), tokenizer(), idScheme());
  }
}
