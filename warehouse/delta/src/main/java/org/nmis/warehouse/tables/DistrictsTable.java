package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DOUBLE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/** {@code districts}: LGD districts (12 May 2020) with headquarters coordinates. */
public final class DistrictsTable {
  public static final String NAME = "districts";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("district_code", INT, "LGD district code"))
          .add(required("state_code", INT, "LGD state code"))
          .add(required("district_name", STRING, "name in English"))
          .add(
              optional(
                  "census2011_code",
                  INT,
                  "Census 2011 district code; null for districts created later"))
          .add(required("latitude", DOUBLE, "headquarters latitude, WGS84"))
          .add(required("longitude", DOUBLE, "headquarters longitude, WGS84"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME, "LGD districts with headquarters coordinates", SCHEMA, List.of(), Map.of());

  private DistrictsTable() {}
}
