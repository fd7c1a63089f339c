package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code states}: LGD states and union territories (12 May 2020), from the project's reference
 * tables.
 */
public final class StatesTable {
  public static final String NAME = "states";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("state_code", INT, "LGD state code"))
          .add(required("state_name", STRING, "name in English"))
          .add(optional("local_name", STRING, "name in the state's script, where LGD has it"))
          .add(required("kind", STRING, "STATE or UT"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(NAME, "LGD states and union territories", SCHEMA, List.of(), Map.of());

  private StatesTable() {}
}
