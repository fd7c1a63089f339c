package org.nmis.model.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.model.testing.RegistrationFixtures.AADHAAR;
import static org.nmis.model.testing.RegistrationFixtures.MAHARASHTRA;
import static org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur;
import static org.nmis.model.testing.RegistrationFixtures.sitaFromPuneToPatna;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.FieldError;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.testing.RegistrationFixtures;

class MessageProcessorTest {
  private static final MessageProcessor PROCESSOR = RegistrationFixtures.messageProcessor();

  @Test
  void aValidMessageGivesTheRegistrationAndTheIdOfItsLogPosition() {
    byte[] message = RegistrationJson.write(ramFromPuneToGorakhpur().build());
    ProcessedMessage m = PROCESSOR.process(message, 3, 12_345);
    assertTrue(m.valid());
    assertEquals(List.of(), m.errors());
    ValidationResult expected =
        RegistrationFixtures.validator().validate(ramFromPuneToGorakhpur().build());
    assertEquals(((ValidationResult.Valid) expected).registration(), m.registration());
    assertEquals(RegistrationFixtures.idScheme().forLogPosition(3, 12_345), m.candidatePersonId());
    assertEquals(MAHARASHTRA, m.sourceStateCode());
    assertEquals("MH-PUNE-000001", m.sourceRecordId());
  }

  @Test
  void theCandidateIdFollowsTheLogPosition() {
    byte[] message = RegistrationJson.write(sitaFromPuneToPatna().build());
    ProcessedMessage a = PROCESSOR.process(message, 0, 0);
    ProcessedMessage b = PROCESSOR.process(message, 0, 1);
    ProcessedMessage c = PROCESSOR.process(message, 1, 0);
    ProcessedMessage again = PROCESSOR.process(message, 0, 0);
    assertEquals(a.candidatePersonId(), again.candidatePersonId());
    assertNotEquals(a.candidatePersonId(), b.candidatePersonId());
    assertNotEquals(a.candidatePersonId(), c.candidatePersonId());
    assertEquals(a.registration(), b.registration());
  }

  @Test
  void theStoredPayloadHasNoClearAadhaar() {
    byte[] message = RegistrationJson.write(ramFromPuneToGorakhpur().build());
    assertTrue(new String(message, StandardCharsets.UTF_8).contains(AADHAAR));
    ProcessedMessage m = PROCESSOR.process(message, 0, 7);
    assertFalse(m.sanitizedPayload().contains(AADHAAR), m.sanitizedPayload());
    assertTrue(m.sanitizedPayload().contains(RegistrationFixtures.tokenizer().token(AADHAAR)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "[1, 2]", "\"text\"", "42", "", "{\"name\": "})
  void malformedBytes(String text) {
    ProcessedMessage m = PROCESSOR.process(text.getBytes(StandardCharsets.UTF_8), 0, 1);
    assertFalse(m.valid());
    assertNull(m.registration());
    assertNull(m.candidatePersonId());
    assertNull(m.sourceStateCode());
    assertNull(m.sourceRecordId());
    assertEquals(1, m.errors().size());
    FieldError e = m.errors().get(0);
    assertEquals(ErrorCode.MALFORMED_MESSAGE, e.code());
    assertEquals("message", e.field());
    assertTrue(e.message().startsWith("message "), e.message());
    assertEquals(text, m.sanitizedPayload());
  }

  @Test
  void malformedBytesWithAnAadhaarNumberAreScrubbed() {
    ProcessedMessage m =
        PROCESSOR.process(("name=Ram aadhaar=" + AADHAAR).getBytes(StandardCharsets.UTF_8), 0, 1);
    assertEquals(ErrorCode.MALFORMED_MESSAGE, m.errors().get(0).code());
    assertEquals("name=Ram aadhaar=XXXXXXXX" + AADHAAR.substring(8), m.sanitizedPayload());
  }

  @Test
  void nullBytesAreMalformed() {
    ProcessedMessage m = PROCESSOR.process(null, 0, 1);
    assertEquals(ErrorCode.MALFORMED_MESSAGE, m.errors().get(0).code());
    assertNull(m.sanitizedPayload());
  }

  @Test
  void anInvalidRowCarriesItsSourceKey() {
    byte[] message =
        RegistrationJson.write(
            ramFromPuneToGorakhpur()
                .set(Field.AGE, "150")
                .set(Field.SOURCE_RECORD_ID, "  MH-9  ")
                .build());
    ProcessedMessage m = PROCESSOR.process(message, 2, 99);
    assertFalse(m.valid());
    assertNull(m.registration());
    assertNull(m.candidatePersonId());
    assertEquals(MAHARASHTRA, m.sourceStateCode());
    assertEquals("MH-9", m.sourceRecordId());
    assertEquals(1, m.errors().size());
    assertEquals(ErrorCode.AGE_OUT_OF_RANGE, m.errors().get(0).code());
    assertEquals("age", m.errors().get(0).field());
  }

  /**
   * Sheets and JSON encoders write whole numbers as 27.0; the validator accepts that, so the source
   * key must too.
   */
  @Test
  void aValidRowWithTheStateCodeWrittenAsADecimalCarriesItsSourceKey() {
    String json =
        new String(RegistrationJson.write(ramFromPuneToGorakhpur().build()), StandardCharsets.UTF_8)
            .replace("\"source_state_code\":\"27\"", "\"source_state_code\":27.0");
    assertTrue(json.contains("27.0"), json);
    ProcessedMessage m = PROCESSOR.process(json.getBytes(StandardCharsets.UTF_8), 0, 0);
    assertTrue(m.valid(), m.errors()::toString);
    assertEquals(MAHARASHTRA, m.registration().sourceStateCode());
    assertEquals(MAHARASHTRA, m.sourceStateCode());
    assertEquals("MH-PUNE-000001", m.sourceRecordId());
  }

  @Test
  void anInvalidRowWithTheStateCodeWrittenAsADecimalCarriesItsSourceKey() {
    byte[] message =
        RegistrationJson.write(
            ramFromPuneToGorakhpur()
                .set(Field.SOURCE_STATE_CODE, "27.0")
                .set(Field.AGE, "150")
                .build());
    ProcessedMessage m = PROCESSOR.process(message, 0, 0);
    assertFalse(m.valid());
    assertEquals(MAHARASHTRA, m.sourceStateCode());
  }

  @Test
  void anInvalidRowWithAnUnreadableSourceKey() {
    byte[] message =
        RegistrationJson.write(
            ramFromPuneToGorakhpur()
                .set(Field.SOURCE_STATE_CODE, "MH")
                .set(Field.SOURCE_RECORD_ID, null)
                .build());
    ProcessedMessage m = PROCESSOR.process(message, 0, 0);
    assertFalse(m.valid());
    assertNull(m.sourceStateCode());
    assertNull(m.sourceRecordId());
    assertEquals(2, m.errors().size(), m.errors()::toString);
  }

  @Test
  void anInvalidRowWithASourceStateThatIsNotAStateStillCarriesTheCode() {
    byte[] message =
        RegistrationJson.write(
            ramFromPuneToGorakhpur().set(Field.SOURCE_STATE_CODE, " 99 ").build());
    ProcessedMessage m = PROCESSOR.process(message, 0, 0);
    assertEquals(99, m.sourceStateCode());
    assertEquals(ErrorCode.STATE_UNKNOWN, m.errors().get(0).code());
  }

  @Test
  void aMessageWithAWrongAadhaarCheckDigitKeepsNoClearDigits() {
    String wrong = RegistrationFixtures.aadhaarWithWrongCheckDigit();
    byte[] message =
        RegistrationJson.write(ramFromPuneToGorakhpur().set(Field.AADHAAR, wrong).build());
    ProcessedMessage m = PROCESSOR.process(message, 0, 0);
    assertEquals(ErrorCode.AADHAAR_CHECKSUM, m.errors().get(0).code());
    assertFalse(m.sanitizedPayload().contains(wrong.substring(0, 8)), m.sanitizedPayload());
    assertFalse(m.errors().toString().contains(wrong.substring(0, 8)), m.errors().toString());
  }

  @Test
  void theLogPositionIsCheckedOnlyForValidRegistrations() {
    byte[] valid = RegistrationJson.write(ramFromPuneToGorakhpur().build());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PROCESSOR.process(valid, 64, 0));
    assertTrue(e.getMessage().contains("NMIS-ID-003"));
  }
}
