package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.ValidationResult;
import org.nmis.model.testing.RegistrationFixtures;

class RegistrationIndexTest {
  private static final String SHARED = "+919876543210";
  private static final String OTHER = "+917000012345";
  private static final Instant T1 = Instant.parse("2020-05-10T08:00:00Z");
  private static final Instant T2 = Instant.parse("2020-05-11T08:00:00Z");
  private static final Instant T3 = Instant.parse("2020-05-12T08:00:00Z");

  private final PersonId ram = RegistrationFixtures.idScheme().forLogPosition(0, 1);
  private final PersonId sita = RegistrationFixtures.idScheme().forLogPosition(0, 2);

  private static Registration registration(RegistrationInput.Builder b) {
    return ((ValidationResult.Valid) RegistrationFixtures.validator().validate(b.build()))
        .registration();
  }

  private static StoredRegistration stored(
      PersonId id, Registration r, int version, Instant created, Instant updated) {
    return new StoredRegistration(
        id,
        r,
        version,
        "state-" + r.sourceStateCode(),
        created,
        "state-" + r.sourceStateCode(),
        updated);
  }

  private StoredRegistration ramV1() {
    return stored(ram, registration(RegistrationFixtures.ramFromPuneToGorakhpur()), 1, T1, T1);
  }

  private StoredRegistration sitaSharingRamsPhone() {
    return stored(
        sita,
        registration(RegistrationFixtures.sitaFromPuneToPatna().set(Field.MOBILE, "98765 43210")),
        1,
        T2,
        T2);
  }

  @Test
  void upsertAndLookUp() {
    RegistrationIndex index = new RegistrationIndex();
    StoredRegistration r = ramV1();
    index.upsert(r);
    assertEquals(Optional.of(r), index.byPersonId(ram));
    assertEquals(Optional.empty(), index.byPersonId(sita));
    assertEquals(List.of(r), index.byMobile(SHARED));
    assertEquals(List.of(), index.byMobile(OTHER));
    assertEquals(Optional.of(ram), index.bySourceKey("27:MH-PUNE-000001"));
    assertEquals(Optional.of(ram), index.bySourceKey(r.registration().sourceKey()));
    assertEquals(Optional.empty(), index.bySourceKey("9:MH-PUNE-000001"));
    assertEquals(1, index.size());
  }

  @Test
  void twoPeopleSharingAMobileAreBothFoundOldestFirst() {
    RegistrationIndex index = new RegistrationIndex();
    StoredRegistration s = sitaSharingRamsPhone();
    StoredRegistration r = ramV1();
    index.upsert(s); // the newer registration arrives first
    index.upsert(r);
    assertEquals(List.of(r, s), index.byMobile(SHARED));
    assertEquals(2, index.size());
  }

  @Test
  void reApplyingTheSameRowDoesNotDuplicateIt() {
    RegistrationIndex index = new RegistrationIndex();
    index.upsert(ramV1());
    index.upsert(ramV1());
    StoredRegistration v2 =
        stored(
            ram,
            registration(RegistrationFixtures.ramFromPuneToGorakhpur().set(Field.AGE, "35")),
            2,
            T1,
            T3);
    index.upsert(v2);
    assertEquals(List.of(v2), index.byMobile(SHARED));
    assertEquals(Optional.of(v2), index.byPersonId(ram));
    assertEquals(1, index.size());
  }

  @Test
  void aCorrectionThatChangesTheMobileMovesThePerson() {
    RegistrationIndex index = new RegistrationIndex();
    StoredRegistration s = sitaSharingRamsPhone();
    index.upsert(ramV1());
    index.upsert(s);
    StoredRegistration corrected =
        stored(
            ram,
            registration(
                RegistrationFixtures.ramFromPuneToGorakhpur().set(Field.MOBILE, "+91 70000 12345")),
            2,
            T1,
            T3);
    index.upsert(corrected);
    assertEquals(List.of(s), index.byMobile(SHARED));
    assertEquals(List.of(corrected), index.byMobile(OTHER));
    assertEquals(2, index.byPersonId(ram).orElseThrow().version());
    assertEquals(Optional.of(ram), index.bySourceKey("27:MH-PUNE-000001"));
    assertEquals(2, index.size());

    // and back again
    StoredRegistration v3 =
        stored(ram, registration(RegistrationFixtures.ramFromPuneToGorakhpur()), 3, T1, T3);
    index.upsert(v3);
    assertEquals(List.of(v3, s), index.byMobile(SHARED));
    assertEquals(List.of(), index.byMobile(OTHER));
  }

  @Test
  void theLastPersonLeavingAMobileEmptiesIt() {
    RegistrationIndex index = new RegistrationIndex();
    index.upsert(ramV1());
    index.upsert(
        stored(
            ram,
            registration(RegistrationFixtures.ramFromPuneToGorakhpur().set(Field.MOBILE, OTHER)),
            2,
            T1,
            T3));
    assertTrue(index.byMobile(SHARED).isEmpty());
  }

  @Test
  void remove() {
    RegistrationIndex index = new RegistrationIndex();
    StoredRegistration s = sitaSharingRamsPhone();
    index.upsert(ramV1());
    index.upsert(s);
    index.remove(ram);
    assertEquals(Optional.empty(), index.byPersonId(ram));
    assertEquals(List.of(s), index.byMobile(SHARED));
    assertEquals(Optional.empty(), index.bySourceKey("27:MH-PUNE-000001"));
    assertEquals(Optional.of(sita), index.bySourceKey("10:BR-2020-77"));
    assertEquals(1, index.size());

    index.remove(ram); // removing twice, or someone unknown, changes nothing
    index.remove(RegistrationFixtures.idScheme().forLogPosition(5, 5));
    assertEquals(1, index.size());

    index.remove(sita);
    assertEquals(List.of(), index.byMobile(SHARED));
    assertEquals(0, index.size());
  }

  @Test
  void listenersHearEachChangeWithWhatItReplaced() {
    RegistrationIndex index = new RegistrationIndex();
    StoredRegistration before = ramV1();
    index.upsert(before);
    List<String> heard = new java.util.ArrayList<>();
    index.addListener(
        new RegistrationIndex.Listener() {
          @Override
          public void upserted(StoredRegistration previous, StoredRegistration row) {
            heard.add(
                (previous == null ? "new" : "v" + previous.version()) + "->v" + row.version());
          }

          @Override
          public void removed(StoredRegistration previous) {
            heard.add("removed v" + previous.version() + " " + previous.personId());
          }
        });
    StoredRegistration v2 =
        stored(ram, registration(RegistrationFixtures.ramFromPuneToGorakhpur()), 2, T1, T3);
    index.upsert(v2);
    index.remove(ram);
    index.remove(ram);
    assertEquals(List.of("new->v1", "v1->v2", "removed v2 " + ram), heard);
  }

  @Test
  void whenEveryTextHashesAlikeLookupsStillAnswerOnlyWithTheirOwn() {
    RegistrationIndex index = new RegistrationIndex(text -> 42);
    StoredRegistration r = ramV1();
    StoredRegistration s =
        stored(sita, registration(RegistrationFixtures.sitaFromPuneToPatna()), 1, T2, T2);
    index.upsert(r);
    index.upsert(s);
    assertEquals(List.of(r), index.byMobile(SHARED));
    assertEquals(List.of(s), index.byMobile(OTHER));
    assertEquals(List.of(), index.byMobile("+917000099999"));
    assertEquals(Optional.of(ram), index.bySourceKey("27:MH-PUNE-000001"));
    assertEquals(Optional.of(sita), index.bySourceKey("10:BR-2020-77"));
    assertEquals(Optional.empty(), index.bySourceKey("27:MH-PUNE-000002"));
    index.remove(ram);
    assertEquals(List.of(), index.byMobile(SHARED));
    assertEquals(Optional.of(sita), index.bySourceKey("10:BR-2020-77"));
    assertEquals(1, index.matching(x -> x.age() > 0).size());
  }

  @Test
  void theAppliedTableVersionOnlyMovesForward() {
    RegistrationIndex index = new RegistrationIndex();
    assertEquals(-1, index.appliedTableVersion());
    index.markApplied(5);
    index.markApplied(3);
    assertEquals(5, index.appliedTableVersion());
    index.markApplied(6);
    assertEquals(6, index.appliedTableVersion());
  }
}
