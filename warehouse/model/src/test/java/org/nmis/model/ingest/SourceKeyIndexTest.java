package org.nmis.model.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceKeyIndexTest {
  @Test
  void holdsWhatAHashMapHoldsThroughGrowth() {
    SourceKeyIndex index = new SourceKeyIndex(16);
    Map<Long, Long> expected = new HashMap<>();
    Random random = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      long key = i % 5 == 0 ? random.nextInt(1000) : random.nextLong();
      long content = random.nextLong();
      index.put(key, content);
      expected.put(key, content);
    }
    assertEquals(expected.size(), index.size());
    expected.forEach(
        (k, v) -> {
          assertTrue(index.contains(k));
          assertEquals(v, index.content(k));
        });
    assertFalse(index.contains(Long.MIN_VALUE + 12345));
  }

  @Test
  void theZeroKeyIsARealKey() {
    SourceKeyIndex index = new SourceKeyIndex();
    assertFalse(index.contains(0));
    index.put(0, 5);
    assertTrue(index.contains(0));
    assertEquals(5, index.content(0));
    assertEquals(1, index.size());
  }
}
