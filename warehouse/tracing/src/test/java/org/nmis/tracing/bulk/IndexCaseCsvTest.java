package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexCaseCsvTest {
  @Test
  void theFirstFieldOfEachLineUnderAHeader() {
    assertEquals(
        List.of("98765 43210", "7K2QM-X9F3A", "+919000000001"),
        IndexCaseCsv.parse(
            "\uFEFFMobile,note\r\n\"98765 43210\",\"a, b\"\n7K2QM-X9F3A\n\n+919000000001,\n"));
  }

  @Test
  void withoutAHeaderEveryLineIsAnInputAndNothingMalformedIsLost() {
    assertEquals(
        List.of("9876543210", "not a number", "say \"hi\""),
        IndexCaseCsv.parse("9876543210\r\nnot a number\r\n\"say \"\"hi\"\"\"\r\n"));
  }

  @Test
  void aHeaderIsOnlyTheFirstLine() {
    assertEquals(List.of("person_id"), IndexCaseCsv.parse("person_id\nperson_id\n"));
  }
}
