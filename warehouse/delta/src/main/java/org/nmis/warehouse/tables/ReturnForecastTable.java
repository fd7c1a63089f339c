package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.DOUBLE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code return_forecast}: expected travellers per corridor and day for the days after a forecast's
 * as-of date, with intervals and the trains still needed; one partition per run (as-of date).
 */
public final class ReturnForecastTable {
  public static final String NAME = "return_forecast";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("as_of", DATE, "the last day the forecast knew (its origin)"))
          .add(required("origin_state_code", INT, "LGD state the people leave"))
          .add(required("destination_state_code", INT, "LGD state they return to"))
          .add(
              optional(
                  "destination_district_code",
                  INT,
                  "LGD district, for the busiest corridors; empty for the whole corridor"))
          .add(required("travel_date", DATE, "the day forecast"))
          .add(required("horizon", INT, "days after as_of"))
          .add(required("expected", DOUBLE, "expected travellers"))
          .add(required("low_80", DOUBLE, "80% interval, low end"))
          .add(required("high_80", DOUBLE, "80% interval, high end"))
          .add(required("low_95", DOUBLE, "95% interval, low end"))
          .add(required("high_95", DOUBLE, "95% interval, high end"))
          .add(required("registered", DOUBLE, "travellers registered for the day by as_of"))
          .add(required("booked", DOUBLE, "travellers already seated on a manifested train"))
          .add(required("trains_needed", INT, "trains still needed for the expected travellers"))
          .add(required("generated_at", TIMESTAMP, "when the run wrote it"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Expected return travellers per corridor and day, with intervals and trains needed",
          SCHEMA,
          List.of("as_of"),
          Map.of());

  private ReturnForecastTable() {}
}
