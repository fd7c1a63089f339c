package org.nmis.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final LocalDate DAY = LocalDate.of(2020, 6, 1);

  /** Small corridors err by factors, big ones by a few percent: each gets its own width. */
  @Test
  void aBigCorridorIsNotGivenTheWidthOfTheSmallOnes() {
    SplittableRandom r = new SplittableRandom(7);
    List<Intervals.Error> errors = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      errors.add(new Intervals.Error(1, 1.5, r.nextInt(8))); // 0 to 7 for a forecast of 1.5
    }
    for (int i = 0; i < 200; i++) {
      errors.add(new Intervals.Error(1, 200, 200 * (0.95 + 0.1 * r.nextDouble())));
    }
    Intervals intervals = Intervals.fromErrors(errors, 1);
    DayForecast big = intervals.around(DAY, 1, 200, 0);
    assertTrue(big.high95() < 215 && big.low95() > 185, big.toString());
    DayForecast small = intervals.around(DAY, 1, 1.5, 0);
    assertTrue(small.high95() > 5, small.toString());
  }

  @Test
  void aSizeWithTooFewErrorsUsesAllOfThemAndTheyNestAroundTheForecast() {
    List<Intervals.Error> errors = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      errors.add(new Intervals.Error(1, 2, i % 5));
    }
    errors.add(new Intervals.Error(1, 30, 31)); // one error in the middle band: not enough
    Intervals intervals = Intervals.fromErrors(errors, 1);
    DayForecast middle = intervals.around(DAY, 1, 30, 0);
    DayForecast pooledWidth = Intervals.fromErrors(errors.subList(0, 100), 1).around(DAY, 1, 30, 0);
    assertEquals(pooledWidth.high95(), middle.high95(), 1.0);
    assertTrue(middle.low95() <= middle.low80() && middle.high80() <= middle.high95());
    DayForecast known = intervals.around(DAY, 1, 2, 10);
    assertEquals(10, known.low95(), 0, "never below what is registered");
  }
}
