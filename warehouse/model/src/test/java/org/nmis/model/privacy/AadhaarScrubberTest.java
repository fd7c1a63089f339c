package org.nmis.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AadhaarScrubberTest {

  @Test
  void findsOnlyWhatCouldBeAnAadhaarNumber() {
    String valid = "49901234567" + Verhoeff.checkDigit("49901234567");
    String grouped = valid.substring(0, 4) + " " + valid.substring(4, 8) + " " + valid.substring(8);
    String wrongCheck = valid.substring(0, 11) + (char) ('0' + (valid.charAt(11) - '0' + 1) % 10);
    String startsWithOne = "1" + valid.substring(1);
    assertEquals(
        java.util.List.of(valid, grouped),
        AadhaarScrubber.aadhaarLike(
            "a "
                + valid
                + " b "
                + grouped
                + " c "
                + wrongCheck
                + " d 1"
                + valid
                + " e "
                + (Verhoeff.isValid(startsWithOne) ? startsWithOne : "")));
    assertEquals(java.util.List.of(), AadhaarScrubber.aadhaarLike("XXXXXXXX0123, offset 12345"));
    assertEquals(java.util.List.of(), AadhaarScrubber.aadhaarLike("to +" + valid), "a mobile");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2345 6789 0123",
        "234567890123",
        "2345-6789-0123",
        "2345 67890123",
        "23456789-0123"
      })
  void masksTwelveDigitsToTheLastFour(String text) {
    assertEquals("XXXXXXXX0123", AadhaarScrubber.scrub(text));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Aadhaar 2345 6789 0123 given | Aadhaar XXXXXXXX0123 given",
        "{\"note\":\"uid=234567890123\"} | {\"note\":\"uid=XXXXXXXX0123\"}",
        "a 234567890123 b 3456-7890-1234 | a XXXXXXXX0123 b XXXXXXXX1234",
        "id:234567890123. | id:XXXXXXXX0123.",
        "आधार 2345 6789 0123 | आधार XXXXXXXX0123"
      })
  void masksInsideText(String text, String scrubbed) {
    assertEquals(scrubbed, AadhaarScrubber.scrub(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9876543210",
        "mobile 9876543210",
        "+91 98765 43210",
        "2345 6789 012",
        "12345",
        "2020-05-18",
        "2345  6789  0123",
        "no digits at all",
        ""
      })
  void leavesOtherNumbersAlone(String text) {
    assertEquals(text, AadhaarScrubber.scrub(text));
  }

  @Test
  void nullStaysNull() {
    assertNull(AadhaarScrubber.scrub(null));
  }
}
