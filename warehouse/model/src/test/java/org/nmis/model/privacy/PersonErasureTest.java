package org.nmis.model.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.model.testing.RegistrationFixtures;

class PersonErasureTest {
  private static final Instant NOW = Instant.parse("2020-06-01T10:00:00Z");
  private final StoredRegistration ram = RegistrationFixtures.ramStored(); // registered by 27
  private final RegistrationIndex index = new RegistrationIndex();
  private final List<String> calls = new ArrayList<>();

  @Test
  void onlyMinistryOrTheRegisteringStateMayErase() {
    assertTrue(PersonErasure.mayErase(scope(Role.MINISTRY, null), ram));
    assertTrue(PersonErasure.mayErase(scope(Role.STATE, 27), ram));
    assertFalse(PersonErasure.mayErase(scope(Role.STATE, 9), ram), "the destination state");
    assertFalse(PersonErasure.mayErase(scope(Role.HEALTH, null), ram));
    assertFalse(PersonErasure.mayErase(scope(Role.AUDITOR, null), ram));
  }

  @Test
  void aReasonIsRequiredAndBounded() {
    assertEquals(Optional.empty(), PersonErasure.reason(null));
    assertEquals(Optional.empty(), PersonErasure.reason("  "));
    assertEquals(Optional.empty(), PersonErasure.reason("x".repeat(501)));
    assertEquals(Optional.of("court order"), PersonErasure.reason("  court order "));
  }

  @Test
  void tablesFirstThenTheIndexIsAwaitedThenTheFollowersAreTold() {
    index.upsert(ram);
    PersonErasure erasure =
        new PersonErasure(
            person -> {
              calls.add("store " + person.personId().value());
              // The change feed takes the person out of the index a little later.
              new Thread(
                      () -> {
                        sleep(200);
                        index.remove(person.personId());
                      })
                  .start();
              return Map.of("registrations", 1L, "registrations_raw", 2L);
            },
            index,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofSeconds(5),
            Duration.ofDays(8));
    erasure.addFollower(
        p -> calls.add("follower " + p.personId().value() + " indexed=" + indexed(p.personId())));

    PersonErasure.Receipt receipt = erasure.erase(ram, "court order", scope(Role.STATE, 27));

    String id = ram.personId().value();
    assertEquals(List.of("store " + id, "follower " + id + " indexed=false"), calls);
    assertTrue(receipt.servingCopiesCleared());
    assertEquals(Map.of("registrations", 1L, "registrations_raw", 2L), receipt.rowsRemoved());
    assertEquals(NOW.plus(Duration.ofDays(8)), receipt.historyPurgedBy());
    assertEquals("mh:STATE:27", receipt.erasedBy());
  }

  @Test
  void anIndexThatDoesNotLetGoInTimeIsReported() {
    index.upsert(ram);
    PersonErasure erasure =
        new PersonErasure(
            person -> Map.of(),
            index,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMillis(100),
            Duration.ofDays(8));
    assertFalse(erasure.erase(ram, "duplicate", scope(Role.MINISTRY, null)).servingCopiesCleared());
  }

  private boolean indexed(PersonId id) {
    return index.byPersonId(id).isPresent();
  }

  private static AccessScope scope(Role role, Integer state) {
    return new AccessScope("mh", role, state, null);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
