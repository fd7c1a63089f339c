package org.nmis.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.nmis.model.testing.RegistrationFixtures.AADHAAR;
import static org.nmis.model.testing.RegistrationFixtures.AADHAAR_PRINTED;
import static org.nmis.model.testing.RegistrationFixtures.RAM_MOBILE;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.RegistrationValidator;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.testing.RegistrationFixtures;

class RegistrationJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RegistrationValidator VALIDATOR = RegistrationFixtures.validator();
  private static final AadhaarTokenizer TOKENIZER = RegistrationFixtures.tokenizer();

  /** Twelve digits in a row, or grouped 4-4-4 as printed on the card. */
  private static final Pattern TWELVE_DIGITS =
      Pattern.compile("[0-9]{12}|[0-9]{4}[ -][0-9]{4}[ -][0-9]{4}");

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Registration valid(RegistrationInput in) {
    ValidationResult r = VALIDATOR.validate(in);
    if (r instanceof ValidationResult.Invalid i) {
      fail("expected valid, got " + i.errors());
    }
    return ((ValidationResult.Valid) r).registration();
  }

  private static JsonNode tree(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  // ---- read / write
  // ---------------------------------------------------------------------------------------------

  @Test
  void aRegistrationRoundTrips() {
    for (RegistrationInput in :
        List.of(
            ramFromPuneToGorakhpur().build(),
            sitaFromPuneToPatna().build(),
            ramFromPuneToGorakhpur()
                .set(Field.VEHICLE_REF, "04152 Shramik")
                .set(Field.CATEGORY, null)
                .set(Field.GROUP_REF, null)
                .build())) {
      Registration r = valid(in);
      byte[] json = RegistrationJson.write(r);
      RegistrationInput back = RegistrationJson.read(json).orElseThrow();
      assertEquals(r, valid(back));
      assertEquals(List.of(), back.unknownFields());
      assertEquals(List.of(), back.nonTextFields());
    }
  }

  @Test
  void theCanonicalMessageCarriesTheTokenNotTheNumber() throws Exception {
    Registration r = valid(ramFromPuneToGorakhpur().build());
    String json = new String(RegistrationJson.write(r), StandardCharsets.UTF_8);
    JsonNode node = tree(json);
    assertFalse(node.has("aadhaar"));
    assertEquals(TOKENIZER.token(AADHAAR), node.get("aadhaar_token").asText());
    assertEquals(AADHAAR.substring(8), node.get("aadhaar_last4").asText());
    assertFalse(json.contains(AADHAAR), json);
    assertEquals(27, node.get("source_state_code").asInt());
    assertTrue(node.get("age").isInt());
    assertEquals("2020-05-18", node.get("travel_date").asText());
    assertEquals(RAM_MOBILE, node.get("mobile").asText());
  }

  @Test
  void optionalFieldsAreLeftOutWhenAbsent() throws Exception {
    JsonNode node =
        tree(
            new String(
                RegistrationJson.write(valid(sitaFromPuneToPatna().build())),
                StandardCharsets.UTF_8));
    assertFalse(node.has("aadhaar_token"));
    assertFalse(node.has("aadhaar_last4"));
    assertFalse(node.has("group_ref"));
    assertFalse(node.has("vehicle_ref"));
    assertEquals("सीता देवी", node.get("name").asText());
    assertEquals(0, node.get("persons_accompanying").asInt());
  }

  @Test
  void rawInputRoundTrips() {
    RegistrationInput in = ramFromPuneToGorakhpur().set(Field.NAME, "सीता  देवी ").build();
    assertEquals(in, RegistrationJson.read(RegistrationJson.write(in)).orElseThrow());
  }

  @Test
  void readTurnsNumbersIntoTextAndSortsOutUnknownAndNonTextKeys() {
    RegistrationInput in =
        RegistrationJson.read(
                bytes(
                    "{\"source_state_code\": 27, \"age\": 34.0,"
                        + " \"name\": \"Ram\", \"mobile\": null, \"remarks\": \"x\", \"gender\": [\"M\"], \"mode\": {\"v\": 1},"
                        + " \"group_ref\": true}"))
            .orElseThrow();
    assertEquals("27", in.get(Field.SOURCE_STATE_CODE));
    assertEquals("34.0", in.get(Field.AGE));
    assertEquals("Ram", in.get(Field.NAME));
    assertNull(in.get(Field.MOBILE));
    assertFalse(in.values().containsKey(Field.MOBILE));
    assertEquals("true", in.get(Field.GROUP_REF));
    assertEquals(List.of("remarks"), in.unknownFields());
    assertEquals(List.of("gender", "mode"), in.nonTextFields());
  }

  @Test
  void aNumericAadhaarIsReadAsItsDigits() {
    RegistrationInput in =
        RegistrationJson.read(bytes("{\"aadhaar\": " + AADHAAR + "}")).orElseThrow();
    assertEquals(AADHAAR, in.get(Field.AADHAAR));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"[1, 2]", "\"text\"", "42", "null", "true", "", "not json", "{\"name\": "})
  void readOfAnythingButAJsonObjectIsEmpty(String text) {
    assertEquals(Optional.empty(), RegistrationJson.read(bytes(text)));
  }

  @Test
  void readOfNullOrInvalidUtf8IsEmpty() {
    assertEquals(Optional.empty(), RegistrationJson.read((byte[]) null));
    assertEquals(Optional.empty(), RegistrationJson.read(new byte[] {(byte) 0xC3, (byte) 0x28}));
  }

  // ---- sanitized
  // ------------------------------------------------------------------------------------------------

  @Test
  void sanitizedReplacesAClearAadhaarByTokenAndLastFour() throws Exception {
    for (String sent : new String[] {AADHAAR, AADHAAR_PRINTED, AADHAAR_PRINTED.replace(' ', '-')}) {
      byte[] raw =
          RegistrationJson.write(ramFromPuneToGorakhpur().set(Field.AADHAAR, sent).build());
      String out = RegistrationJson.sanitized(raw, TOKENIZER);
      JsonNode node = tree(out);
      assertFalse(node.has("aadhaar"), out);
      assertEquals(TOKENIZER.token(AADHAAR), node.get("aadhaar_token").asText());
      assertEquals(AADHAAR.substring(8), node.get("aadhaar_last4").asText());
      assertFalse(out.contains(AADHAAR.substring(0, 8)), out);
      assertNoTwelveDigitsOutsideMobile(node);
      assertEquals(RAM_MOBILE, valid(RegistrationJson.read(bytes(out)).orElseThrow()).mobile());
    }
  }

  @Test
  void sanitizedKeepsEverythingElseAsSent() throws Exception {
    byte[] raw = RegistrationJson.write(ramFromPuneToGorakhpur().build());
    JsonNode node = tree(RegistrationJson.sanitized(raw, TOKENIZER));
    assertEquals("MH-PUNE-000001", node.get("source_record_id").asText());
    assertEquals("Ram Kumar", node.get("name").asText());
    assertEquals("9876543210", node.get("mobile").asText());
    assertEquals("2020-05-18", node.get("travel_date").asText());
  }

  @Test
  void noTwelveDigitRunRemainsEvenInUnknownFieldsOrTheName() throws Exception {
    String json =
        "{"
            + "\"source_state_code\": \"27\","
            + "\"name\": \"Ram Kumar "
            + AADHAAR_PRINTED
            + "\","
            + "\"mobile\": \""
            + RAM_MOBILE
            + "\","
            + "\"aadhar\": \""
            + AADHAAR
            + "\","
            + "\"uid_number\": "
            + AADHAAR
            + ","
            + "\"aadhaar\": \"23456789012\","
            + "\"notes\": {\"card\": \""
            + AADHAAR_PRINTED.replace(' ', '-')
            + "\"},"
            + "\"ids\": [\""
            + AADHAAR
            + "\", 1],"
            + "\"vehicle_ref\": \""
            + AADHAAR
            + "\""
            + "}";
    String out = RegistrationJson.sanitized(bytes(json), TOKENIZER);
    JsonNode node = tree(out);
    assertNoTwelveDigitsOutsideMobile(node);
    assertFalse(out.contains(AADHAAR.substring(0, 8)), out);
    assertFalse(out.contains(AADHAAR_PRINTED.substring(0, 9)), out);
    assertEquals(RAM_MOBILE, node.get("mobile").asText(), "a valid mobile in +91 form is kept");
    assertEquals("Ram Kumar XXXXXXXX" + AADHAAR.substring(8), node.get("name").asText());
    assertEquals("XXXXXXXX" + AADHAAR.substring(8), node.get("aadhar").asText());
    assertEquals("XXXXXXXX" + AADHAAR.substring(8), node.get("uid_number").asText());
    assertEquals(
        "23456789012", node.get("aadhaar").asText(), "11 digits are not an Aadhaar number");
  }

  @Test
  void anAadhaarNumberInTheMobileColumnIsMasked() throws Exception {
    String json = "{\"mobile\": \"" + AADHAAR_PRINTED + "\"}";
    JsonNode node = tree(RegistrationJson.sanitized(bytes(json), TOKENIZER));
    assertEquals("XXXXXXXX" + AADHAAR.substring(8), node.get("mobile").asText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"+919876543210", "919876543210", "+91 98765 43210", "9876543210"})
  void validMobilesAreKeptAsSent(String mobile) throws Exception {
    JsonNode node =
        tree(RegistrationJson.sanitized(bytes("{\"mobile\": \"" + mobile + "\"}"), TOKENIZER));
    assertEquals(mobile, node.get("mobile").asText());
  }

  /**
   * A token is 64 hex characters, so about one in forty has a run of exactly twelve decimal digits
   * in it. Masking that run as if it were an Aadhaar number corrupted the token (the stored payload
   * then failed validation when replayed, and no longer matched the same person's other
   * registrations).
   */
  @Test
  void aTokenThatHappensToContainTwelveDigitsIsKeptIntact() throws Exception {
    Pattern exactlyTwelve = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    String aadhaar = null;
    for (long n = 20_000_000_000L; aadhaar == null; n++) {
      String candidate = RegistrationFixtures.withCheckDigit(Long.toString(n));
      if (exactlyTwelve.matcher(TOKENIZER.token(candidate)).find()) {
        aadhaar = candidate;
      }
    }
    String token = TOKENIZER.token(aadhaar);

    // the state sends the clear number: the token written in its place must be the real one
    byte[] clear =
        RegistrationJson.write(ramFromPuneToGorakhpur().set(Field.AADHAAR, aadhaar).build());
    JsonNode node = tree(RegistrationJson.sanitized(clear, TOKENIZER));
    assertEquals(token, node.get("aadhaar_token").asText());

    // the warehouse's API publishes the token: it is stored as published
    byte[] tokenised =
        RegistrationJson.write(valid(ramFromPuneToGorakhpur().set(Field.AADHAAR, aadhaar).build()));
    String out = RegistrationJson.sanitized(tokenised, TOKENIZER);
    assertEquals(token, tree(out).get("aadhaar_token").asText());
    // and the stored payload still validates to the same registration
    assertEquals(
        valid(ramFromPuneToGorakhpur().set(Field.AADHAAR, aadhaar).build()),
        valid(RegistrationJson.read(bytes(out)).orElseThrow()));
  }

  @Test
  void somethingThatIsNotATokenInTheTokenFieldIsStillScrubbed() throws Exception {
    String json = "{\"aadhaar_token\": \"" + AADHAAR + "\", \"aadhaar_last4\": \"0123\"}";
    String out = RegistrationJson.sanitized(bytes(json), TOKENIZER);
    assertFalse(out.contains(AADHAAR), out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name=Ram, aadhaar=%s", "[\"%s\"]", "{\"aadhaar\": \"%s\"", "%s"})
  void textThatIsNotAJsonObjectIsScrubbed(String template) {
    String text = String.format(template, AADHAAR_PRINTED);
    String out = RegistrationJson.sanitized(bytes(text), TOKENIZER);
    assertEquals(String.format(template, "XXXXXXXX" + AADHAAR.substring(8)), out);
  }

  @Test
  void sanitizedOfNullIsNull() {
    assertNull(RegistrationJson.sanitized(null, TOKENIZER));
  }

  /**
   * No Aadhaar-like digits anywhere but in a mobile number and a token (64 hex characters may hold
   * 12 digits).
   */
  private static void assertNoTwelveDigitsOutsideMobile(JsonNode node) {
    ObjectNode copy = ((ObjectNode) node).deepCopy();
    copy.remove("mobile");
    JsonNode token = copy.remove("aadhaar_token");
    if (token != null) {
      assertTrue(token.asText().matches("[0-9a-f]{64}"), token.asText());
    }
    String rest = copy.toString();
    assertFalse(TWELVE_DIGITS.matcher(rest).find(), "twelve digits left in " + rest);
  }
}
