package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code state_daily}: per state and travel date, the registrations and persons leaving it
 * (outflow) and arriving in it (inflow). Inter-district moves within a state count in both.
 * Maintained with {@code od_flows}.
 */
public final class StateDailyTable {
  public static final String NAME = "state_daily";
  public static final List<String> KEYS = List.of("state_code", "travel_date");

  public static final StructType SCHEMA =
      new StructType()
          .add(required("state_code", INT, "LGD state code"))
          .add(required("travel_date", DATE, "date of travel"))
          .add(required("outflow_registrations", LONG, "registrations leaving the state"))
          .add(required("outflow_persons", LONG, "persons leaving the state"))
          .add(required("inflow_registrations", LONG, "registrations arriving in the state"))
          .add(required("inflow_persons", LONG, "persons arriving in the state"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Outflow and inflow per state and travel date, maintained incrementally from registrations",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true"));

  private StateDailyTable() {}
}
