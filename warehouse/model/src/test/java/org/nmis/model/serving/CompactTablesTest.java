package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;

/**
 * The open-addressing tables against a plain map: random puts and removes over few keys (long probe
 * runs, keys sharing a home) and many, every lookup equal after every step.
 */
class CompactTablesTest {

  @Test
  void recordTableAgreesWithAMapThroughPutsRemovesAndGrowth() {
    for (int keySpace : new int[] {7, 50, 5_000}) {
      RecordTable table = new RecordTable();
      Map<Long, byte[]> model = new HashMap<>();
      Random random = new Random(keySpace);
      for (int step = 0; step < 40_000; step++) {
        long key = 1 + random.nextInt(keySpace) * 1_024L; // multiples: weak low bits
        if (random.nextInt(3) == 0) {
          assertArrayEquals(model.remove(key), table.remove(key), "remove " + key);
        } else {
          byte[] value = {(byte) step, (byte) (step >> 8)};
          assertArrayEquals(model.put(key, value), table.put(key, value), "put " + key);
        }
        long probe = 1 + random.nextInt(keySpace) * 1_024L;
        assertArrayEquals(model.get(probe), table.get(probe), "get " + probe);
        assertEquals(model.size(), table.size());
      }
      Map<Long, byte[]> seen = new HashMap<>();
      table.forEach(seen::put);
      assertEquals(model.keySet(), seen.keySet());
    }
  }

  @Test
  void multimapKeepsEveryValueOfAKeyUntilEachIsRemoved() {
    LongMultimap map = new LongMultimap();
    Map<Long, List<Long>> model = new HashMap<>();
    Random random = new Random(3);
    for (int step = 0; step < 30_000; step++) {
      long key = 1 + random.nextInt(40);
      long value = random.nextInt(6);
      if (random.nextBoolean()) {
        map.put(key, value);
        model.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      } else {
        List<Long> values = model.getOrDefault(key, new ArrayList<>());
        assertEquals(values.remove(value), map.remove(key, value), "remove " + key + "=" + value);
      }
      for (long k = 1; k <= 40; k++) {
        List<Long> got = new ArrayList<>();
        map.forEach(k, got::add);
        got.sort(null);
        List<Long> want = new ArrayList<>(model.getOrDefault(k, List.of()));
        want.sort(null);
        assertEquals(want, got, "values of " + k);
      }
    }
  }

  @Test
  void personIdSetHoldsIdsByTheirNumber() {
    PersonIdSet set = new PersonIdSet();
    TreeSet<String> model = new TreeSet<>();
    Random random = new Random(9);
    for (int step = 0; step < 20_000; step++) {
      PersonId id = PersonId.ofPayload(random.nextInt(300));
      if (random.nextBoolean()) {
        assertEquals(model.add(id.value()), set.add(id));
      } else {
        assertEquals(model.remove(id.value()), set.remove(id));
      }
    }
    assertEquals(model, new TreeSet<>(set.toList().stream().map(PersonId::value).toList()));
    assertEquals(model.isEmpty(), set.isEmpty());
  }

  @Test
  void zeroIsNotAKey() {
    assertThrows(IllegalArgumentException.class, () -> new LongMultimap().put(0, 1));
  }
}
