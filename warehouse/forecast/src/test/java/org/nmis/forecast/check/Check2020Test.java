package org.nmis.forecast.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.forecast.Smoothing;
import org.nmis.model.reference.ReferenceData;

/** Keeps docs/FORECAST.md's comparison with 2020 true: these are the figures it reports. */
class Check2020Test {
  private final Check2020.Result result = Check2020.run(ReferenceData.get(), Smoothing.DEFAULT);

  @Test
  void theWeekAheadIsWithinAFifthTheSummerIsFarOff() {
    List<Check2020.Total> totals = result.totals();
    assertEquals(4, totals.size());
    Check2020.Total june2 = totals.get(0);
    assertEquals("trains", june2.metric());
    assertEquals(4155, june2.reported(), 0);
    assertEquals(4752, june2.forecast(), 1);
    assertEquals(14, june2.errorPercent(), 0.5);
    Check2020.Total august31 = totals.get(2);
    assertEquals(4621, august31.reported(), 0);
    assertTrue(
        august31.errorPercent() > 400,
        "a smoothed daily rate cannot see demand run out: " + august31.errorPercent());
  }

  @Test
  void censusSharesMissByTwoAndAHalfPointsOnAverage() {
    assertEquals(10, result.shares().size());
    assertEquals("Uttar Pradesh", result.shares().get(0).state());
    assertEquals(0.369, result.shares().get(0).implied(), 0.001);
    assertEquals(0.333, result.shares().get(0).reported(), 0.001);
    assertEquals(2.5, result.shareMaePoints(), 0.05);
  }

  @Test
  void theSmoothingOfAFlatRateCarriesItForward() {
    java.util.Map<java.time.LocalDate, Double> flat =
        java.util.Map.of(Check2020.KNOWN_BY, 26.0 * 100); // 100 a day from 1 May
    assertEquals(
        2600 + 600,
        Check2020.project(flat, Check2020.KNOWN_BY.plusDays(6), Smoothing.DEFAULT),
        1e-6);
  }
}
