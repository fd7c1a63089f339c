package org.nmis.tracing.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.exposure.ContactEdge;
import org.nmis.tracing.exposure.ExposureLevel;

/**
 * The bay and coach edges of one train and date, from the bays each party occupies in each coach.
 */
final class ContactEdges {
  private ContactEdges() {}

  static List<ContactEdge> of(String trainNumber, LocalDate date, List<SeatedRequest> requests) {
    Map<String, Map<PersonId, BitSet>> byCoach = new LinkedHashMap<>();
    for (SeatedRequest r : requests) {
      for (int i = 0; i < r.size(); i++) {
        byCoach
            .computeIfAbsent(r.coaches[i], k -> new LinkedHashMap<>())
            .computeIfAbsent(r.registrants[i], k -> new BitSet())
            .set(r.bays[i]);
      }
    }
    // A pair can meet in two coaches only when a person holds seats of two requests; the strongest
    // edge is kept.
    Map<List<PersonId>, ContactEdge> edges = new HashMap<>();
    byCoach.forEach(
        (coach, parties) -> {
          List<Map.Entry<PersonId, BitSet>> list = new ArrayList<>(parties.entrySet());
          for (int a = 0; a < list.size(); a++) {
            for (int b = a + 1; b < list.size(); b++) {
              PersonId pa = list.get(a).getKey();
              PersonId pb = list.get(b).getKey();
              boolean inOrder = pa.value().compareTo(pb.value()) < 0;
              ExposureLevel level =
                  list.get(a).getValue().intersects(list.get(b).getValue())
                      ? ExposureLevel.SAME_BAY
                      : ExposureLevel.SAME_COACH;
              ContactEdge edge =
                  new ContactEdge(
                      trainNumber, date, inOrder ? pa : pb, inOrder ? pb : pa, level, coach);
              edges.merge(
                  List.of(edge.personA(), edge.personB()),
                  edge,
                  (x, y) -> y.level().isStrongerThan(x.level()) ? y : x);
            }
          }
        });
    return edges.values().stream()
        .sorted(
            Comparator.comparing((ContactEdge e) -> e.personA().value())
                .thenComparing(e -> e.personB().value()))
        .toList();
  }
}
