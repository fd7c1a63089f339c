package org.nmis.movement.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;

class CoachLayoutsTest {
  private static final CoachLayouts LAYOUTS = CoachLayouts.get();

  @Test
  void theTableHoldsTheFiveLayoutsOfTheSources() {
    assertEquals(List.of("SL_ICF", "SL_LHB", "3A_ICF", "3A_LHB", "2A_ICF"), LAYOUTS.ids());
    assertEquals(
        List.of(72, 80, 64, 72, 48),
        LAYOUTS.ids().stream()
            .map(id -> LAYOUTS.layout(id).orElseThrow().berths().size())
            .toList());
  }

  @Test
  void aSleeperCoachFollowsTheNumberingRule() {
    CoachLayout sl = LAYOUTS.layout("SL_ICF").orElseThrow();
    assertEquals("S", sl.coachPrefix());
    assertEquals(9, sl.bays());
    assertEquals(
        List.of(
            BerthType.LB,
            BerthType.MB,
            BerthType.UB,
            BerthType.LB,
            BerthType.MB,
            BerthType.UB,
            BerthType.SL,
            BerthType.SU),
        sl.berths().subList(8, 16).stream().map(Berth::type).toList());
    assertEquals(new Berth(15, BerthType.SL, 2), sl.berths().get(14));
    assertEquals(new Berth(72, BerthType.SU, 9), sl.berths().get(71));
    assertEquals(72, sl.capacity(MiddleBerthPolicy.OCCUPIED));
    assertEquals(54, sl.capacity(MiddleBerthPolicy.LEFT_EMPTY));
  }

  @Test
  void anAcTwoTierCoachHasBaysOfSixAndNoMiddleBerths() {
    CoachLayout a2 = LAYOUTS.layout("2A_ICF").orElseThrow();
    assertEquals("A", a2.coachPrefix());
    assertEquals(new Berth(11, BerthType.SL, 2), a2.berths().get(10));
    assertEquals(new Berth(12, BerthType.SU, 2), a2.berths().get(11));
    assertEquals(48, a2.capacity(MiddleBerthPolicy.LEFT_EMPTY));
  }

  @Test
  void theShramikRakeIsS1ToS24() {
    List<Coach> coaches = Rake.shramik().coaches();
    assertEquals(24, coaches.size());
    assertEquals("S1", coaches.get(0).name());
    assertEquals("S24", coaches.get(23).name());
    assertEquals(1728, Rake.shramik().capacity(MiddleBerthPolicy.OCCUPIED));
    assertEquals(1296, Rake.shramik().capacity(MiddleBerthPolicy.LEFT_EMPTY));
  }

  @Test
  void coachesAreNumberedPerClassPrefix() {
    Rake mixed =
        new Rake(
            List.of(
                new Rake.Section("SL_ICF", 2),
                new Rake.Section("3A_LHB", 1),
                new Rake.Section("SL_LHB", 1)));
    assertEquals(
        List.of("S1", "S2", "B1", "S3"), mixed.coaches().stream().map(Coach::name).toList());
    assertEquals(72 + 72 + 72 + 80, mixed.capacity(MiddleBerthPolicy.OCCUPIED));
  }

  @Test
  void aRakeChecksItsSections() {
    assertEquals(
        MovementError.UNKNOWN_LAYOUT,
        assertThrows(MovementException.class, () -> Rake.of("GS", 2)).error());
    assertEquals(
        MovementError.INVALID_RAKE,
        assertThrows(MovementException.class, () -> Rake.of("SL_ICF", 0)).error());
    assertEquals(
        MovementError.INVALID_RAKE,
        assertThrows(MovementException.class, () -> Rake.of("SL_ICF", Rake.MAX_COACHES + 1))
            .error());
    assertEquals(
        MovementError.INVALID_RAKE,
        assertThrows(MovementException.class, () -> new Rake(List.of())).error());
  }
}
