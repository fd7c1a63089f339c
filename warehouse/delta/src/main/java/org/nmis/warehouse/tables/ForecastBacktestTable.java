package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.DOUBLE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code forecast_backtest}: how accurate each forecast run's method was on the data before its
 * as-of date, per horizon, beside the two naive baselines; one partition per run.
 */
public final class ForecastBacktestTable {
  public static final String NAME = "forecast_backtest";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("as_of", DATE, "the run's as-of date"))
          .add(required("horizon", INT, "days ahead"))
          .add(
              required(
                  "model_mae", DOUBLE, "mean absolute error of the forecast, travellers a day"))
          .add(
              required(
                  "model_mape", DOUBLE, "mean absolute percentage error (days with travellers)"))
          .add(required("last_week_mae", DOUBLE, "the same for last week's daily average"))
          .add(required("last_week_mape", DOUBLE, "the same for last week's daily average, %"))
          .add(required("same_weekday_mae", DOUBLE, "the same for the same weekday last week"))
          .add(required("same_weekday_mape", DOUBLE, "the same for the same weekday last week, %"))
          .add(required("points", LONG, "corridor-days compared"))
          .add(required("coverage_80", DOUBLE, "share of held-out days inside the 80% interval"))
          .add(required("coverage_95", DOUBLE, "share of held-out days inside the 95% interval"))
          .add(required("origins", INT, "weekly origins of the backtest"))
          .add(required("corridors", INT, "corridors backtested"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Accuracy of each forecast run against naive baselines, per horizon",
          SCHEMA,
          List.of("as_of"),
          Map.of());

  private ForecastBacktestTable() {}
}
