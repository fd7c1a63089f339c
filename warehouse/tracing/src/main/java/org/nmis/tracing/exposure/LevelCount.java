package org.nmis.tracing.exposure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The size of one exposure level: {@code contacts} parties whose strongest level it is, and {@code
 * travellers} travellers (registrants and companions) whose own strongest level it is. A party met
 * in the same bay can have a companion who was only in the same coach: the party counts under
 * SAME_BAY, the companion under SAME_COACH.
 */
public record LevelCount(ExposureLevel level, int contacts, int travellers) {

  /** One count per level, strongest first, zeros included. */
  public static List<LevelCount> tally(List<Contact> contacts) {
    int levels = ExposureLevel.values().length;
    int[] parties = new int[levels];
    int[] travellers = new int[levels];
    for (Contact c : contacts) {
      parties[c.level().ordinal()]++;
      // Companion numbers are at most 20 (the validator's limit), one slot each.
      ExposureLevel[] best = new ExposureLevel[c.personsAccompanying() + 1];
      for (Exposure e : c.exposures()) {
        if (e.companion() >= best.length) {
          best = Arrays.copyOf(best, e.companion() + 1);
        }
        best[e.companion()] = ExposureLevel.strongest(e.level(), best[e.companion()]);
      }
      for (ExposureLevel l : best) {
        if (l != null) {
          travellers[l.ordinal()]++;
        }
      }
    }
    List<LevelCount> out = new ArrayList<>(levels);
    for (ExposureLevel l : ExposureLevel.values()) {
      out.add(new LevelCount(l, parties[l.ordinal()], travellers[l.ordinal()]));
    }
    return List.copyOf(out);
  }
}
