package org.nmis.movement.allocation;

import java.util.List;
import java.util.SortedMap;

/**
 * One coach of a manifest: its occupied berths in berth order and the berths it may hold under the
 * policy.
 */
public record CoachManifest(String coach, String layout, int capacity, List<ManifestLine> lines) {
  public CoachManifest {
    lines = List.copyOf(lines);
  }

  public int occupied() {
    return lines.size();
  }

  /** Travellers by destination district code, in code order. */
  public SortedMap<Integer, Integer> countsByDistrict() {
    return Manifest.countByDistrict(lines);
  }
}
