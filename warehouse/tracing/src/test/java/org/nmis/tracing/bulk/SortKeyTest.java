package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.tracing.exposure.ExposureLevel;
import org.nmis.tracing.testing.TracingFixtures;

class SortKeyTest {
  @Test
  void thePackedKeyOrdersByLevelThenPersonIdText() {
    Random random = new Random(7);
    List<ExposedPerson> persons = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      ExposureLevel level = ExposureLevel.values()[random.nextInt(4)];
      persons.add(
          new ExposedPerson(
              RegistrationFixtures.idScheme()
                  .forLogPosition(random.nextInt(64), random.nextInt(1 << 30)),
              "P",
              null,
              9,
              148,
              0,
              level,
              1,
              List.of(),
              false,
              TracingFixtures.MAY_18,
              TracingFixtures.MAY_18));
    }

    assertEquals(
        persons.stream()
            .sorted(
                Comparator.comparing(ExposedPerson::level).thenComparing(p -> p.personId().value()))
            .toList(),
        persons.stream().sorted(Comparator.comparingLong(BulkTrace::sortKey)).toList());
  }
}
