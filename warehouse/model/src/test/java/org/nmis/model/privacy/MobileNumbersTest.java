package org.nmis.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumbersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "9876543210",
        "+919876543210",
        "919876543210",
        "09876543210",
        "+91 98765-43210",
        "98765.43210",
        "(98765) 43210",
        " 9876543210 "
      })
  void normalisesTheWaysSheetsWriteIt(String raw) {
    assertEquals(Optional.of("+919876543210"), MobileNumbers.normalise(raw));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "5876543210",
        "12345",
        "+11234567890",
        "+9876543210",
        "987654321",
        "98765432109",
        "+91987654321",
        "9876-54321a",
        "98765+43210",
        "",
        "   ",
        "+",
        "0919876543210"
      })
  void rejects(String raw) {
    assertEquals(Optional.empty(), MobileNumbers.normalise(raw));
  }

  @Test
  void rejectsNull() {
    assertEquals(Optional.empty(), MobileNumbers.normalise(null));
  }

  @ParameterizedTest
  @CsvSource({
    "6000000000, +916000000000",
    "7000012345, +917000012345",
    "8999999999, +918999999999"
  })
  void everyLeadingDigitFrom6To9(String raw, String normalised) {
    assertEquals(Optional.of(normalised), MobileNumbers.normalise(raw));
  }

  @Test
  void mask() {
    assertEquals("+91XXXXXX3210", MobileNumbers.mask("+919876543210"));
    assertEquals("+91XXXXXX2345", MobileNumbers.mask("+917000012345"));
    assertNull(MobileNumbers.mask(null));
  }
}
