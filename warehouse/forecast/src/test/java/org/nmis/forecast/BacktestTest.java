package org.nmis.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private final Backtest backtest = new Backtest(new ReturnForecaster(Smoothing.DEFAULT), 28, 6);

  @Test
  void onTrendingCorridorsWithAWeeklyRhythmTheModelBeatsBothBaselines() {
    List<DailyCounts> corridors = Series.corridors(12, 150, 0.8, 1.4);
    Backtest.Report r = backtest.run(corridors, Series.START, corridors.get(0).end(), 12);
    assertEquals(12, r.series());
    double model = 0;
    double lastWeek = 0;
    double sameWeekday = 0;
    for (Backtest.HorizonRow row : r.rows()) {
      model += row.model().mae();
      lastWeek += row.lastWeek().mae();
      sameWeekday += row.sameWeekday().mae();
    }
    assertTrue(model < lastWeek, model + " < " + lastWeek);
    assertTrue(model < sameWeekday, model + " < " + sameWeekday);
    Backtest.HorizonRow first = r.rows().get(0);
    assertTrue(first.model().mape() < 15, "one day ahead within 15%: " + first.model().mape());
  }

  @Test
  void intervalsCalibratedOnEarlyOriginsHoldOnLaterOnes() {
    List<DailyCounts> corridors = Series.corridors(12, 180, 0.3, 1.4);
    Backtest.Report r = backtest.run(corridors, Series.START, corridors.get(0).end(), 16);
    double c80 = r.rows().stream().mapToDouble(Backtest.HorizonRow::coverage80).average().orElse(0);
    double c95 = r.rows().stream().mapToDouble(Backtest.HorizonRow::coverage95).average().orElse(0);
    assertTrue(c80 > 0.65 && c80 < 0.95, "80% intervals held " + c80);
    assertTrue(c95 > 0.85, "95% intervals held " + c95);
  }
}
