package org.nmis.warehouse.tables;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Creates the warehouse's Delta tables where they are missing and names them in the session catalog. */
public final class DeltaTables {
  /** Every table this module owns, in creation order. */
  public static final List<TableDefinition> ALL = List.of(RegistrationsRawTable.DEFINITION,
      RegistrationsTable.DEFINITION, RegistrationRejectsTable.DEFINITION, StatesTable.DEFINITION,
      DistrictsTable.DEFINITION);

  private DeltaTables() {}

  public static void ensure(SparkSession spark, WarehouseLocation location, TableDefinition table) {
    DeltaTableBuilder b = DeltaTable.createIfNotExists(spark)
        .tableName(table.name())
        .location(location.pathOf(table))
        .comment(table.comment())
        .addColumns(table.schema());
    if (!table.partitionColumns().isEmpty()) {
      b = b.partitionedBy(table.partitionColumns().toArray(String[]::new));
    }
    for (var p : table.properties().entrySet()) {
      b = b.property(p.getKey(), p.getValue());
    }
    b.execute();
  }

  public static void ensureAll(SparkSession spark, WarehouseLocation location) {
    for (TableDefinition t : ALL) {
      ensure(spark, location, t);
    }
  }

  public static DeltaTable open(SparkSession spark, WarehouseLocation location, TableDefinition table) {
    return DeltaTable.forPath(spark, location.pathOf(table));
  }
}
