package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code od_flows}: registrations and persons per travel date, mode and origin-destination district
 * pair. Kept equal to a GROUP BY over {@code registrations} by adding the changes of each
 * registrations commit (see FlowsBatchWriter); a pair whose count falls to zero is removed.
 */
public final class OdFlowsTable {
  public static final String NAME = "od_flows";
  public static final List<String> KEYS =
      List.of(
          "travel_date",
          "mode",
          "origin_state_code",
          "origin_district_code",
          "destination_state_code",
          "destination_district_code");

  public static final StructType SCHEMA =
      new StructType()
          .add(required("travel_date", DATE, "date of travel"))
          .add(required("mode", STRING, "TRAIN, BUS or OTHER"))
          .add(required("origin_state_code", INT, "LGD state code of origin"))
          .add(required("origin_district_code", INT, "LGD district code of origin"))
          .add(required("destination_state_code", INT, "LGD state code of destination"))
          .add(required("destination_district_code", INT, "LGD district code of destination"))
          .add(required("registrations", LONG, "registrations (one per person ID)"))
          .add(required("persons", LONG, "registrants plus the persons accompanying them"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Origin-destination flows per travel date and mode, maintained incrementally from registrations",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true", "delta.enableChangeDataFeed", "true"));

  private OdFlowsTable() {}
}
