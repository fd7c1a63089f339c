package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.BIHAR;
import static org.nmis.tracing.testing.TracingFixtures.GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.MAHARASHTRA;
import static org.nmis.tracing.testing.TracingFixtures.MUMBAI;
import static org.nmis.tracing.testing.TracingFixtures.PATNA;
import static org.nmis.tracing.testing.TracingFixtures.PUNE;
import static org.nmis.tracing.testing.TracingFixtures.registration;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;

class NameSearchTest {
  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());

  @BeforeEach
  void registerPeople() {
    registrations.upsert(registration(1).name("Ram Kumar").build()); // Pune -> Gorakhpur
    registrations.upsert(registration(2).name("Kumari Devi").build());
    registrations.upsert(registration(3).name("Shyam Kumar").build());
    registrations.upsert(registration(4).name("Balram Yadav").build());
    registrations.upsert(registration(5).name("Ramesh").build());
    registrations.upsert(registration(6).name("सीता देवी").to(BIHAR, PATNA).build());
    registrations.upsert(
        registration(7).name("Ram Lal").from(MAHARASHTRA, MUMBAI).to(BIHAR, PATNA).build());
  }

  @Test
  void startOfNameFirstThenStartOfAWordThenAnywhere() {
    assertEquals(List.of("Kumari Devi", "Ram Kumar", "Shyam Kumar"), names("KUM", PUNE, 10));
    assertEquals(List.of("Ram Kumar", "Ramesh", "Balram Yadav"), names("ram", PUNE, 10));
  }

  @Test
  void searchesTheOriginAndTheDestinationDistrict() {
    assertEquals(List.of("Ram Kumar", "Ramesh", "Balram Yadav"), names("ram", GORAKHPUR, 10));
    assertEquals(List.of("Ram Lal"), names("ram", PATNA, 10));
    assertEquals(List.of("सीता देवी"), names("देवी", PATNA, 10));
  }

  @Test
  void spacesInTheQueryAreCollapsed() {
    assertEquals(List.of("Ram Kumar"), names("  ram   kum ", PUNE, 10));
  }

  @Test
  void resultsAreCappedAndTheTotalKept() {
    NameMatches m = index.byName("ram", PUNE, 2);

    assertEquals(2, m.matches().size());
    assertEquals(3, m.total());
    assertTrue(m.truncated());
  }

  @Test
  void aCorrectedDistrictMovesThePerson() {
    registrations.upsert(registration(5).name("Ramesh").from(MAHARASHTRA, MUMBAI).build());

    assertEquals(List.of("Ram Kumar", "Balram Yadav"), names("ram", PUNE, 10));
    assertEquals(List.of("Ram Lal", "Ramesh"), names("ram", MUMBAI, 10));
    registrations.remove(registration(5).build().personId());
    assertEquals(List.of("Ram Lal"), names("ram", MUMBAI, 10));
  }

  @Test
  void aQueryOfOneCharacterIsRefused() {
    TracingException e = assertThrows(TracingException.class, () -> index.byName(" r ", PUNE, 10));

    assertEquals(TracingError.INVALID_NAME_QUERY, e.error());
  }

  private List<String> names(String query, int district, int limit) {
    return index.byName(query, district, limit).matches().stream()
        .map(r -> r.registration().name())
        .toList();
  }
}
