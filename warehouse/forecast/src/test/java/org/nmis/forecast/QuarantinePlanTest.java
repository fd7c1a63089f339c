package org.nmis.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuarantinePlanTest {
  private static final Destination LUCKNOW = new Destination(9, 162);
  private static final Destination GAYA = new Destination(10, 212);
  private static final LocalDate AS_OF = LocalDate.of(2020, 6, 1);

  @Test
  void standingPlacesPeakWhereDeclarationsOverlapAndLapseAfterTheQuarantine() {
    List<DeclaredPlaces> declared =
        List.of(
            new DeclaredPlaces(LUCKNOW, AS_OF, 100),
            new DeclaredPlaces(LUCKNOW, AS_OF.plusDays(13), 50), // overlaps the first: 150
            new DeclaredPlaces(LUCKNOW, AS_OF.plusDays(14), 120), // the first has lapsed: 170
            new DeclaredPlaces(GAYA, AS_OF, 80),
            new DeclaredPlaces(GAYA, AS_OF.plusDays(14), 80)); // one after the other: 80
    Map<Destination, Double> peak = QuarantinePlan.standingPeak(declared, 14);
    assertEquals(170, peak.get(LUCKNOW), 1e-9);
    assertEquals(80, peak.get(GAYA), 1e-9);
    assertEquals(150, QuarantinePlan.standingPeak(declared.subList(0, 2), 14).get(LUCKNOW), 1e-9);
  }

  @Test
  void peopleInQuarantineAddThoseArrivedAndThoseExpectedWithinThePeriod() {
    // 10 a day arrived up to as_of; 20 a day expected (80% high end 30); a 3-day quarantine.
    double[] past = new double[10];
    java.util.Arrays.fill(past, 10);
    DailyCounts arrived = new DailyCounts(AS_OF.minusDays(9), past);
    List<QuarantineRow> rows =
        QuarantinePlan.plan(
            Map.of(LUCKNOW, arrived),
            Map.of(LUCKNOW, days(20, 30, 4)),
            List.of(new DeclaredPlaces(LUCKNOW, AS_OF.minusDays(1), 45)),
            AS_OF,
            3);
    assertEquals(4, rows.size());
    // Day 1: as_of-1 and as_of arrived (10 + 10), day 1 expected (20).
    assertEquals(40, rows.get(0).expectedInQuarantine(), 1e-9);
    assertEquals(50, rows.get(0).highInQuarantine(), 1e-9);
    assertFalse(rows.get(0).overloaded(), "40 people, 45 places");
    // Day 2: as_of (10) + two expected days (40) = 50; day 3 on: 60.
    assertEquals(50, rows.get(1).expectedInQuarantine(), 1e-9);
    assertEquals(5, rows.get(1).shortfall(), 1e-9);
    assertEquals(60, rows.get(3).expectedInQuarantine(), 1e-9);
    assertEquals(90, rows.get(3).highInQuarantine(), 1e-9);
    assertTrue(rows.get(3).overloaded());
    assertEquals(QuarantineRow.Status.OVERLOADED, rows.get(3).status());
  }

  @Test
  void overloadedDistrictsComeFirstAndADistrictWithoutPlacesIsShortOfEveryone() {
    List<QuarantineRow> rows =
        QuarantinePlan.plan(
            Map.of(),
            Map.of(LUCKNOW, days(20, 30, 2), GAYA, days(5, 6, 2)),
            List.of(new DeclaredPlaces(LUCKNOW, AS_OF, 1000)),
            AS_OF,
            14);
    assertEquals(
        List.of(GAYA, GAYA, LUCKNOW, LUCKNOW), rows.stream().map(r -> r.destination()).toList());
    assertEquals(0, rows.get(0).declaredPlaces(), 0);
    assertEquals(5, rows.get(0).shortfall(), 1e-9);
    assertEquals(QuarantineRow.Status.NO_PLACES_DECLARED, rows.get(0).status());
    assertEquals(QuarantineRow.Status.WITHIN_PLACES, rows.get(2).status());
    assertFalse(
        new QuarantineRow(LUCKNOW, AS_OF.plusDays(1), 1, 0.3, 0.5, 10.3, 11, 10).overloaded(),
        "a third of a person beyond the places is not an overload");
    assertEquals(
        List.of(AS_OF.plusDays(1), AS_OF.plusDays(2)),
        List.of(rows.get(0).date(), rows.get(1).date()));
  }

  @Test
  void badDeclarationsAndPeriodsAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new DeclaredPlaces(GAYA, AS_OF, -1));
    assertTrue(e.getMessage().startsWith("NMIS-FCT-109"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> QuarantinePlan.plan(Map.of(), Map.of(), List.of(), AS_OF, 0));
  }

  /** {@code n} coming days with the same expected value and 80% high end. */
  private static List<DayForecast> days(double expected, double high80, int n) {
    List<DayForecast> out = new ArrayList<>();
    for (int h = 1; h <= n; h++) {
      out.add(
          new DayForecast(AS_OF.plusDays(h), h, expected, expected, high80, expected, high80, 0));
    }
    return out;
  }
}
