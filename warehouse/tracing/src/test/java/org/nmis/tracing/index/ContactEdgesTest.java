package org.nmis.tracing.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_BAY;
import static org.nmis.tracing.exposure.ExposureLevel.SAME_COACH;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_19;
import static org.nmis.tracing.testing.TracingFixtures.PUNE_GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.person;
import static org.nmis.tracing.testing.TracingFixtures.train;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.ContactEdge;
import org.nmis.tracing.exposure.ExposureLevel;

class ContactEdgesTest {
  private final RegistrationIndex registrations = new RegistrationIndex();
  private final TracingIndex index =
      TracingIndex.following(registrations, TracingSettings.defaults());

  @Test
  void oneEdgePerPairOfPartiesSharingACoachAcrossRequests() {
    index.manifest(
        train(1)
            .seat(1, "S1", 1)
            .companion(1, 1, "S1", 9) // bays 1 and 2
            .seat(2, "S1", 2) // bay 1
            .seat(3, "S1", 10) // bay 2
            .seat(4, "S2", 33) // S2 bay 5
            .seat(5, "S2", 1) // S2 bay 1
            .build());
    index.manifest(train(2).seat(6, "S1", 11).seat(7, "S1", 30).build()); // S1 bays 2 and 4
    index.manifest(train(3).on(MAY_19).seat(8, "S1", 3).build()); // another day: no edge

    List<ContactEdge> edges = index.contactEdges(PUNE_GORAKHPUR, MAY_18);

    assertEquals(
        Set.of(
            edge(1, 2, SAME_BAY, "S1"),
            edge(1, 3, SAME_BAY, "S1"),
            edge(1, 6, SAME_BAY, "S1"),
            edge(1, 7, SAME_COACH, "S1"),
            edge(2, 3, SAME_COACH, "S1"),
            edge(2, 6, SAME_COACH, "S1"),
            edge(2, 7, SAME_COACH, "S1"),
            edge(3, 6, SAME_BAY, "S1"),
            edge(3, 7, SAME_COACH, "S1"),
            edge(6, 7, SAME_COACH, "S1"),
            edge(4, 5, SAME_COACH, "S2")),
        Set.copyOf(edges));
    assertEquals(11, edges.size());
    assertEquals(
        edges.stream()
            .sorted(
                Comparator.comparing((ContactEdge e) -> e.personA().value())
                    .thenComparing(e -> e.personB().value()))
            .toList(),
        edges);
  }

  @Test
  void personAComesBeforePersonBInIdOrder() {
    index.manifest(train(1).seat(1, "S1", 1).seat(2, "S1", 2).seat(3, "S1", 3).build());

    assertEquals(
        Set.of(true),
        index.contactEdges(PUNE_GORAKHPUR, MAY_18).stream()
            .map(e -> e.personA().value().compareTo(e.personB().value()) < 0)
            .collect(Collectors.toSet()));
  }

  private static ContactEdge edge(int a, int b, ExposureLevel level, String coach) {
    PersonId pa = person(a);
    PersonId pb = person(b);
    boolean inOrder = pa.value().compareTo(pb.value()) < 0;
    return new ContactEdge(
        PUNE_GORAKHPUR, MAY_18, inOrder ? pa : pb, inOrder ? pb : pa, level, coach);
  }
}
