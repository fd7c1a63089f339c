package org.nmis.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecastPlanTest {
  private static final Corridor MH_UP = new Corridor(27, 9, null);
  private static final Corridor MH_BR = new Corridor(27, 10, null);
  private static final Destination GORAKHPUR = new Destination(9, 148);
  private static final Destination PATNA = new Destination(10, 230);

  @Test
  void everyCorridorAndTheBusiestOnesDistrictsGetTheirDaysAndTrains() {
    Map<Corridor, DailyCounts> travellers = new LinkedHashMap<>();
    travellers.put(MH_UP, flat(3000));
    travellers.put(MH_BR, flat(500));
    travellers.put(MH_UP.withDistrict(148), flat(1000));
    travellers.put(MH_BR.withDistrict(230), flat(100)); // not among the busiest one
    LocalDate asOf = Series.START.plusDays(89);
    ForecastPlan.Result r =
        ForecastPlan.run(
            new ForecastPlan.Inputs(
                asOf,
                travellers,
                Map.of(),
                Map.of(MH_UP, Map.of(asOf.plusDays(1), 1728.0)),
                LeadTimes.NONE,
                List.of(
                    // Two acceptances for Gorakhpur standing together: 12,000 places.
                    new DeclaredPlaces(GORAKHPUR, asOf.minusDays(3), 6000),
                    new DeclaredPlaces(GORAKHPUR, asOf.plusDays(2), 6000),
                    new DeclaredPlaces(PATNA, asOf, 2000))),
            new ForecastPlan.Settings(14, 1728, 1, 8, 14, Smoothing.DEFAULT));
    assertEquals(14 * 3, r.rows().size(), "two corridors and one district, 14 days each");
    ForecastRow first =
        r.rows().stream()
            .filter(x -> x.corridor().equals(MH_UP) && x.day().horizon() == 1)
            .findFirst()
            .orElseThrow();
    assertEquals(3000, first.day().expected(), 1e-6);
    assertEquals(1728, first.booked(), 0);
    assertEquals(1, first.trainsNeeded(), "1,272 still to move: one more train");
    assertTrue(
        r.rows().stream()
            .filter(x -> x.corridor().equals(MH_UP) && x.day().horizon() == 2)
            .allMatch(x -> x.trainsNeeded() == 2));
    assertTrue(
        r.backtest().rows().get(0).model().mae() < 1e-6, "a flat series is forecast exactly");
    assertEquals(
        List.of(),
        r.rows().stream()
            .filter(x -> Integer.valueOf(230).equals(x.corridor().destinationDistrictCode()))
            .toList());

    // Every destination district is planned, the busiest corridors' or not: Gorakhpur expects
    // 1,000 a day, 14,000 in quarantine, 2,000 beyond its places, so it comes first.
    assertEquals(14 * 2, r.quarantine().size());
    QuarantineRow worst = r.quarantine().get(0);
    assertEquals(GORAKHPUR, worst.destination());
    assertEquals(asOf.plusDays(1), worst.date());
    assertEquals(14_000, worst.expectedInQuarantine(), 1e-6);
    assertEquals(12_000, worst.declaredPlaces(), 1e-6);
    assertEquals(2_000, worst.shortfall(), 1e-6);
    assertTrue(
        r.quarantine().stream()
            .filter(q -> q.destination().equals(PATNA))
            .noneMatch(QuarantineRow::overloaded),
        "Patna expects 1,400 in quarantine against 2,000 places");
  }

  @Test
  void settingsAreChecked() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ForecastPlan.Settings(0, 1728, 10, 8, 14, Smoothing.DEFAULT));
    assertTrue(e.getMessage().startsWith("NMIS-FCT-108"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new ForecastPlan.Settings(28, 1728, 10, 8, 0, Smoothing.DEFAULT));
  }

  private static DailyCounts flat(double perDay) {
    double[] v = new double[90];
    java.util.Arrays.fill(v, perDay);
    return new DailyCounts(Series.START, v);
  }
}
