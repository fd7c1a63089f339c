package org.nmis.movement.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.nmis.movement.allocation.CoachManifest;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Overflow;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.Berth;
import org.nmis.movement.layout.Coach;
import org.nmis.movement.layout.Rake;

/** Small facts about rakes and manifests the service needs beside the allocator. */
public final class Manifests {
  private Manifests() {}

  /**
   * A manifest rebuilt from its logged lines: every coach of the rake in order, as the allocator
   * makes it.
   */
  static Manifest of(List<ManifestLine> lines, List<Overflow> overflow, TrainBooking booking) {
    Rake rake = booking.rake();
    Map<String, List<ManifestLine>> byCoach =
        lines.stream()
            .collect(
                Collectors.groupingBy(
                    ManifestLine::coach, LinkedHashMap::new, Collectors.toList()));
    List<CoachManifest> coaches = new ArrayList<>();
    for (Coach c : rake.coaches()) {
      List<ManifestLine> in =
          byCoach.getOrDefault(c.name(), List.of()).stream()
              .sorted(java.util.Comparator.comparingInt(ManifestLine::berth))
              .toList();
      coaches.add(
          new CoachManifest(
              c.name(), c.layout().id(), c.layout().capacity(booking.middleBerths()), in));
    }
    return new Manifest(coaches, overflow);
  }

  /** The rake as people write it: SL_ICF:24. */
  public static String describe(Rake rake) {
    return rake.sections().stream()
        .map(s -> s.layout() + ":" + s.coaches())
        .collect(Collectors.joining(","));
  }

  static int bay(Rake rake, String coach, int berth) {
    for (Coach c : rake.coaches()) {
      if (c.name().equals(coach)) {
        for (Berth b : c.layout().berths()) {
          if (b.number() == berth) {
            return b.bay();
          }
        }
      }
    }
    return 0;
  }
}
