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
                LeadTimes.NONE),
            new ForecastPlan.Settings(14, 1728, 1, 8, Smoothing.DEFAULT));
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
  }

  @Test
  void settingsAreChecked() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ForecastPlan.Settings(0, 1728, 10, 8, Smoothing.DEFAULT));
    assertTrue(e.getMessage().startsWith("NMIS-FCT-108"), e.getMessage());
  }

  private static DailyCounts flat(double perDay) {
    double[] v = new double[90];
    java.util.Arrays.fill(v, perDay);
    return new DailyCounts(Series.START, v);
  }
}
