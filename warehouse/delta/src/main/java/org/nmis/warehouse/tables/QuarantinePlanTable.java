package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.BOOLEAN;
import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.DOUBLE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code quarantine_plan}: for each destination district and day after a forecast's as-of date, the
 * people expected in quarantine against the places its state declared when accepting requests; one
 * partition per run (as-of date).
 */
public final class QuarantinePlanTable {
  public static final String NAME = "quarantine_plan";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("as_of", DATE, "the last day the forecast knew (its origin)"))
          .add(required("destination_state_code", INT, "LGD state of the district"))
          .add(required("destination_district_code", INT, "LGD district people arrive in"))
          .add(required("plan_date", DATE, "the day planned"))
          .add(required("horizon", INT, "days after as_of"))
          .add(required("expected_arrivals", DOUBLE, "travellers expected to arrive that day"))
          .add(required("high_arrivals", DOUBLE, "80% interval's high end of those arrivals"))
          .add(
              required(
                  "expected_in_quarantine",
                  DOUBLE,
                  "arrived or expected to arrive within the quarantine period up to the day"))
          .add(
              required(
                  "high_in_quarantine",
                  DOUBLE,
                  "the same with every coming day at its 80% high end (pessimistic case)"))
          .add(
              required(
                  "declared_places",
                  DOUBLE,
                  "most quarantine places the state's acceptances held at once for the district"))
          .add(required("shortfall", DOUBLE, "expected in quarantine beyond the declared places"))
          .add(
              required(
                  "overloaded", BOOLEAN, "more people expected in quarantine than declared places"))
          .add(
              required(
                  "status",
                  STRING,
                  "OVERLOADED, NO_PLACES_DECLARED (people expected, no places ever declared) or"
                      + " WITHIN_PLACES"))
          .add(required("generated_at", TIMESTAMP, "when the run wrote it"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Expected people in quarantine per destination district and day against declared places",
          SCHEMA,
          List.of("as_of"),
          Map.of());

  private QuarantinePlanTable() {}
}
