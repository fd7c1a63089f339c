package org.nmis.forecast;

import org.junit.jupiter.api.Test;
import org.nmis.model.testing.PureModule;

/** The forecast is arithmetic on plain series: no runtime, no framework. */
class ForecastIsPureTest {
  @Test
  void noRuntimeNorTestSupport() {
    PureModule.of(
            "org.nmis.forecast",
            "org.nmis.forecast.ReturnForecaster",
            "org.nmis.forecast.Backtest",
            "org.nmis.forecast.Smoothing")
        .assertPure();
  }
}
