package org.nmis.model.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestIdTest {
  private static final String KEY = "test-ids-key-0123456789";

  @Test
  void isPrefixedAndRoundTrips() {
    RequestId id = RequestId.forLogPosition(RequestId.scheme(KEY, 0), 3, 42);
    assertTrue(id.value().matches("MR-[0-9A-Z]{5}-[0-9A-Z]{5}"), id.value());
    assertEquals(id, RequestId.parse(id.value()).orElseThrow());
    assertEquals(id, RequestId.parse(id.value().toLowerCase().replace("-", "")).orElseThrow());
    assertEquals(id, RequestId.parse(id.code().value()).orElseThrow());
  }

  @Test
  void differsFromThePersonIdOfTheSamePosition() {
    assertNotEquals(
        new PersonIdScheme(KEY, 0).forLogPosition(3, 42),
        RequestId.forLogPosition(RequestId.scheme(KEY, 0), 3, 42).code());
  }

  @Test
  void rejectsAMistypedCode() {
    RequestId id = RequestId.forLogPosition(RequestId.scheme(KEY, 0), 0, 7);
    char[] c = id.value().toCharArray();
    c[4] = c[4] == '7' ? '8' : '7';
    assertTrue(RequestId.parse(new String(c)).isEmpty());
  }
}
