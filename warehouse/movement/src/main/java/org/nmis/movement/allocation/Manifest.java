package org.nmis.movement.allocation;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.nmis.model.ids.PersonId;

/**
 * Who sits where on one train: every coach of the rake in running order (empty ones too) and the
 * travellers who got no berth. Pass it back to {@link ManifestAllocator} as the previous manifest
 * to keep seats stable on a re-run.
 */
public record Manifest(List<CoachManifest> coaches, List<Overflow> overflow) {
  private static final Manifest EMPTY = new Manifest(List.of(), List.of());

  public Manifest {
    coaches = List.copyOf(coaches);
    overflow = List.copyOf(overflow);
  }

  /** No previous allocation: the first run for a train. */
  public static Manifest empty() {
    return EMPTY;
  }

  /** Every occupied berth, coach by coach in berth order. */
  public List<ManifestLine> lines() {
    return coaches.stream().flatMap(c -> c.lines().stream()).toList();
  }

  /**
   * The same seats with the registrant's name (and their companions') replaced by {@code
   * replacement}: what is left of a manifest after the registrant's data is erased.
   */
  public Manifest withNameErased(PersonId registrant, String replacement) {
    return new Manifest(
        coaches.stream()
            .map(
                c ->
                    new CoachManifest(
                        c.coach(),
                        c.layout(),
                        c.capacity(),
                        c.lines().stream()
                            .map(
                                l ->
                                    new ManifestLine(
                                        l.coach(),
                                        l.berth(),
                                        l.berthType(),
                                        l.traveller().withNameErased(registrant, replacement)))
                            .toList()))
            .toList(),
        overflow.stream()
            .map(
                o ->
                    new Overflow(
                        o.traveller().withNameErased(registrant, replacement),
                        o.reason(),
                        o.detail()))
            .toList());
  }

  public int placed() {
    return coaches.stream().mapToInt(CoachManifest::occupied).sum();
  }

  /** Placed travellers by destination district code, over the whole train. */
  public SortedMap<Integer, Integer> countsByDistrict() {
    return countByDistrict(lines());
  }

  static SortedMap<Integer, Integer> countByDistrict(List<ManifestLine> lines) {
    SortedMap<Integer, Integer> counts = new TreeMap<>();
    for (ManifestLine l : lines) {
      counts.merge(l.traveller().destinationDistrictCode(), 1, Integer::sum);
    }
    return Collections.unmodifiableSortedMap(counts);
  }
}
