package org.nmis.movement.layout;

import java.util.List;

/**
 * The berths of one coach design, for example {@code SL_ICF}: 72 sleeper berths in 9 bays, coaches
 * named S1, S2...
 */
public record CoachLayout(String id, String classCode, String coachPrefix, List<Berth> berths) {
  public CoachLayout {
    berths = List.copyOf(berths);
  }

  public int bays() {
    return berths.get(berths.size() - 1).bay();
  }

  /** Berths that may be sold under the policy. */
  public int capacity(MiddleBerthPolicy policy) {
    return (int) berths.stream().filter(b -> policy.allows(b.type())).count();
  }
}
