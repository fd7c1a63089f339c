package org.nmis.governance.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.testing.SparkFixtures;
import org.nmis.governance.testing.WarehouseFixtures;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.TableDefinition;

/**
 * The fixture catalog describes the real Delta tables (names, order, types, nullability), and the
 * Delta tables it leaves out are ones the policy has no rule for. No Spark is started.
 */
class CatalogFixturesMatchDeltaTablesTest {
  @Test
  void everyDeltaTableIsInTheFixtureCatalogAsDefinedOrUnreadable() {
    for (TableDefinition definition : DeltaTables.ALL) {
      if (WarehouseFixtures.CATALOG.table(definition.name()).isEmpty()) {
        assertFalse(
            AccessPolicies.standard().tables().contains(definition.name()), definition.name());
        continue;
      }
      List<CatalogColumn> columns = new ArrayList<>();
      for (StructField f : definition.schema().fields()) {
        columns.add(
            new CatalogColumn(f.name(), SparkFixtures.columnType(f.dataType()), f.nullable()));
      }
      CatalogTable fixture = WarehouseFixtures.CATALOG.table(definition.name()).orElseThrow();
      assertEquals(columns, fixture.columns(), definition.name());
      assertEquals(definition.comment(), fixture.comment(), definition.name());
    }
  }
}
