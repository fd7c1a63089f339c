package org.nmis.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnForecasterTest {
  private final ReturnForecaster forecaster = new ReturnForecaster(Smoothing.DEFAULT);

  @Test
  void aSteadyCorridorIsForecastSteady() {
    double[] flat = new double[60];
    java.util.Arrays.fill(flat, 100);
    DailyCounts s = new DailyCounts(Series.START, flat);
    double[] e = forecaster.expected(s, s.end(), 28, WeekdayFactors.NONE);
    for (double v : e) {
      assertEquals(100, v, 1e-9);
    }
  }

  @Test
  void aRiseIsFollowedButDampedNotExtrapolatedForever() {
    double[] rising = new double[60];
    for (int t = 0; t < 60; t++) {
      rising[t] = 10 + 2 * t;
    }
    DailyCounts s = new DailyCounts(Series.START, rising);
    double[] e = forecaster.expected(s, s.end(), 28, WeekdayFactors.NONE);
    // Smoothing lags a steady rise a little (the last day was 128): within 5% the next day.
    assertEquals(130, e[0], 130 * 0.05, "the next day");
    double linear = 10 + 2 * (59 + 28);
    assertTrue(e[27] < linear, "damped below the straight line: " + e[27] + " < " + linear);
    assertTrue(e[27] > e[0], "but above where it stands");
  }

  @Test
  void theWeeklyRhythmIsTakenOutAndPutBack() {
    List<DailyCounts> corridors = Series.corridors(5, 70, 0, 1.5);
    LocalDate asOf = corridors.get(0).end();
    WeekdayFactors w = WeekdayFactors.pooled(corridors, asOf, 6);
    assertEquals(1.5 / (5 + 2 * 1.5) * 7, w.of(java.time.DayOfWeek.SATURDAY), 0.1);
    double[] e = forecaster.expected(corridors.get(4), asOf, 14, w);
    for (int h = 1; h <= 14; h++) {
      java.time.DayOfWeek d = asOf.plusDays(h).getDayOfWeek();
      boolean weekend = d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY;
      double expected = 140 * (weekend ? 1.5 : 1);
      assertEquals(expected, e[h - 1], expected * 0.15, "day " + h + " " + d);
    }
  }

  @Test
  void withoutTrendWeightTheForecastIsTheLevel() {
    // A rise in the first weeks, flat after: beta 0 forecasts the recent level, no early trend.
    double[] v = new double[60];
    for (int t = 0; t < v.length; t++) {
      v[t] = t < 14 ? 10 * t : 200;
    }
    Smoothing.State s = new Smoothing(0.3, 0, 1).fit(v);
    assertEquals(0, s.trend(), 0);
    assertEquals(200, s.ahead(28, 1), 1);
  }

  @Test
  void aSteadyFallIsNotReadAsAWeeklyRhythm() {
    // No weekly rhythm, falling by 15 a day: a weekday's share of six weeks would make the week's
    // first days busy (they come earlier in each week, when more travelled) by several per cent.
    double[] falling = new double[60];
    for (int t = 0; t < falling.length; t++) {
      falling[t] = 1000 - 15 * t;
    }
    DailyCounts s = new DailyCounts(Series.START, falling);
    WeekdayFactors w = WeekdayFactors.pooled(List.of(s), s.end(), 6);
    for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
      assertEquals(1.0, w.of(d), 1e-9, d.toString());
    }
  }

  @Test
  void registeredTravellersAreKeptAndOnlyTheRestIsForecast() {
    double[] flat = new double[60];
    java.util.Arrays.fill(flat, 100);
    DailyCounts s = new DailyCounts(Series.START, flat);
    LocalDate asOf = s.end();
    LeadTimes leads = LeadTimes.fromCounts(new long[] {50, 30, 20}); // 50% register on the day
    assertEquals(1.0, leads.at(0), 1e-12);
    assertEquals(0.5, leads.at(1), 1e-12);
    assertEquals(0.2, leads.at(2), 1e-12);
    List<DayForecast> f =
        forecaster.forecast(
            s,
            asOf,
            3,
            WeekdayFactors.NONE,
            Intervals.poissonOnly(),
            Map.of(asOf.plusDays(1), 70.0, asOf.plusDays(2), 10.0),
            leads);
    assertEquals(70 + 100 * 0.5, f.get(0).expected(), 1e-9, "known + the half still to come");
    assertEquals(10 + 100 * 0.8, f.get(1).expected(), 1e-9);
    assertEquals(100, f.get(2).expected(), 1e-9, "nothing known three days ahead");
    assertTrue(f.get(0).low95() >= 70, "never below what is registered");
  }

  @Test
  void badInputIsRefusedWithItsCode() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new DailyCounts(Series.START, new double[] {1, -2}));
    assertTrue(e.getMessage().startsWith("NMIS-FCT-102"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Smoothing(0, 0.1, 0.9));
    assertThrows(IllegalArgumentException.class, () -> new LeadTimes(new double[] {0.5, 0.9}));
  }
}
