package org.nmis.movement.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;

/**
 * The passenger coaches of a train, as sections of identical coaches in running order. Coaches are
 * named by their class prefix and a running number per prefix: 24 SL coaches are S1..S24.
 */
public record Rake(List<Section> sections) {
  public static final String SHRAMIK_LAYOUT = "SL_ICF";
  public static final int SHRAMIK_COACHES = 24;

  /** More than any Indian passenger train hauls: a typo guard, not a railway rule. */
  public static final int MAX_COACHES = 30;

  /**
   * {@code coaches} coaches of layout {@code layout} (an ID of {@link CoachLayouts}, for example
   * SL_ICF).
   */
  public record Section(String layout, int coaches) {}

  public Rake {
    if (sections == null || sections.isEmpty()) {
      throw new MovementException(
          MovementError.INVALID_RAKE,
          "a rake needs at least one section of coaches;"
              + " send for example [{\"layout\":\"SL_ICF\",\"coaches\":24}] (the Shramik rake)");
    }
    sections = List.copyOf(sections);
    int total = 0;
    for (Section s : sections) {
      if (CoachLayouts.get().layout(s.layout()).isEmpty()) {
        throw new MovementException(
            MovementError.UNKNOWN_LAYOUT,
            "coach layout '"
                + s.layout()
                + "' is not known; use one of "
                + CoachLayouts.get().ids());
      }
      if (s.coaches() < 1) {
        throw new MovementException(
            MovementError.INVALID_RAKE,
            "section "
                + s.layout()
                + " has "
                + s.coaches()
                + " coaches; a section needs at least 1");
      }
      total += s.coaches();
    }
    if (total > MAX_COACHES) {
      throw new MovementException(
          MovementError.INVALID_RAKE,
          "the rake has "
              + total
              + " coaches, more than "
              + MAX_COACHES
              + "; check the coach counts");
    }
  }

  /** The rake of the Shramik specials: 24 ICF sleeper coaches of 72 berths. */
  public static Rake shramik() {
    return of(SHRAMIK_LAYOUT, SHRAMIK_COACHES);
  }

  public static Rake of(String layout, int coaches) {
    return new Rake(List.of(new Section(layout, coaches)));
  }

  public List<Coach> coaches() {
    List<Coach> out = new ArrayList<>();
    Map<String, Integer> numbers = new HashMap<>();
    for (Section s : sections) {
      CoachLayout layout = CoachLayouts.get().layout(s.layout()).orElseThrow();
      for (int i = 0; i < s.coaches(); i++) {
        int n = numbers.merge(layout.coachPrefix(), 1, Integer::sum);
        out.add(new Coach(layout.coachPrefix() + n, layout));
      }
    }
    return out;
  }

  public int capacity(MiddleBerthPolicy policy) {
    return coaches().stream().mapToInt(c -> c.layout().capacity(policy)).sum();
  }
}
