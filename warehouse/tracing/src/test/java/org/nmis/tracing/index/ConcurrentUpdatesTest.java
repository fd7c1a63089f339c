package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.journeys.ManifestedTrain;

/**
 * Readers never lock: while a manifest flips between two seatings, every read sees one seating or
 * the other.
 */
class ConcurrentUpdatesTest {
  @Test
  void readersSeeEitherSeatingNeverAMixOrAnError() throws Exception {
    TracingIndex index =
        TracingIndex.following(new RegistrationIndex(), TracingSettings.defaults());
    ManifestedTrain sameBay = train(1).seat(1, "S1", 1).seat(2, "S1", 2).seat(3, "S1", 3).build();
    ManifestedTrain otherCoach =
        train(1).seat(1, "S1", 1).seat(2, "S2", 2).seat(3, "S2", 3).build();
    index.manifest(sameBay);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> reader =
          pool.submit(
              () -> {
                for (int i = 0; i < 20_000; i++) {
                  ContactReport r = index.contacts(person(1), MAY_18, MAY_18);
                  seen.add(
                      r.contacts().size()
                          + ":"
                          + r.counts().get(0).contacts()
                          + "/"
                          + r.counts().get(2).contacts());
                }
              });
      for (int i = 0; i < 2_000; i++) {
        index.manifest(i % 2 == 0 ? otherCoach : sameBay);
      }
      reader.get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertTrue(Set.of("2:2/0", "2:0/2").containsAll(seen), seen.toString());
    assertEquals(3, index.stats().seatedTravellers());
  }
}
