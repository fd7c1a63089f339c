package org.nmis.tracing.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.MAY_20;
import static org.nmis.tracing.testing.TracingFixtures.PATNA;
import static org.nmis.tracing.testing.TracingFixtures.PUNE;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.registration;
import static org.nmis.tracing.testing.TracingFixtures.request;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.journeys.JourneySource;
import org.nmis.tracing.testing.FakeMobileDirectory;
import org.nmis.tracing.testing.FakePasses;

class PersonLookupTest {
  private static final String SHARED_PHONE = "+919876543210";

  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());
  private final FakeMobileDirectory mobiles = new FakeMobileDirectory();
  private final FakePasses passes = new FakePasses();
  private final PersonLookup lookup =
      new PersonLookup(
          index, mobiles, passes, new TracingSettings(TracingSettings.DEFAULT_FOLLOW_UP, 1, 10));

  @BeforeEach
  void twoPersonsShareAPhone() {
    for (StoredRegistration r :
        List.of(
            registration(1)
                .name("Ram Kumar")
                .mobile(SHARED_PHONE)
                .bus("MH12 AB 1234")
                .on(MAY_20)
                .build(),
            registration(2).name("Sita Kumari").mobile(SHARED_PHONE).build())) {
      registrations.upsert(r);
      mobiles.add(r);
    }
    index.manifest(train(1).seat(1, "S1", 1).seat(2, "S1", 2).build());
    passes.put(request(1), person(1).value(), new EPassStatus(EPassState.VALID, "EP-1"));
  }

  @Test
  void byMobileInAnyFormatGivesEveryoneWithTheNumberAndTheirJourneys() {
    List<TracedPerson> found = lookup.byMobile("098765 43210");

    assertEquals(
        List.of(person(1), person(2)), found.stream().map(TracedPerson::personId).toList());
    TracedPerson ram = found.get(0);
    assertEquals(
        List.of(JourneySource.MANIFEST, JourneySource.REGISTRATION),
        ram.journeys().stream().map(j -> j.journey().source()).toList());
    assertEquals(new EPassStatus(EPassState.VALID, "EP-1"), ram.journeys().get(0).pass());
    assertEquals(EPassStatus.notIssued(), ram.journeys().get(1).pass());
    assertEquals(EPassStatus.notIssued(), found.get(1).journeys().get(0).pass());
  }

  @Test
  void byPersonIdForgivesHowItWasTyped() {
    String typed = person(2).value().toLowerCase().replace("-", " ");

    TracedPerson sita = lookup.byPersonId(typed).orElseThrow();

    assertEquals("Sita Kumari", sita.registration().registration().name());
    assertEquals(1, sita.journeys().size());
    assertTrue(lookup.byPersonId(person(3)).isEmpty());
  }

  @Test
  void byNameWithinADistrictIsCappedByTheSettings() {
    NameResults results = lookup.byName("kum", PUNE);

    // Both names have a word starting "kum": by name, Ram before Sita.
    assertEquals(
        List.of(person(1)), results.persons().stream().map(TracedPerson::personId).toList());
    assertEquals(2, results.total());
    assertTrue(results.truncated());
    assertEquals(0, lookup.byName("kum", PATNA).total());
  }

  @Test
  void malformedInputsAreRefusedWithTheirCodes() {
    assertEquals(
        TracingError.INVALID_MOBILE,
        assertThrows(TracingException.class, () -> lookup.byMobile("12345")).error());
    assertEquals(
        TracingError.INVALID_PERSON_ID,
        assertThrows(TracingException.class, () -> lookup.byPersonId("7K2QM-X9F3B")).error());
    TracingException district =
        assertThrows(TracingException.class, () -> lookup.byName("ram", 999_999));
    assertEquals(TracingError.UNKNOWN_DISTRICT, district.error());
    assertEquals(400, district.error().httpStatus());
    assertTrue(
        district.getMessage().startsWith("NMIS-TRC-005: district code 999999"),
        district.getMessage());
  }
}
