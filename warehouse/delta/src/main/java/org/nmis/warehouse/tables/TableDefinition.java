package org.nmis.warehouse.tables;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * A Delta table as code: its name in the catalog, schema, partition columns and table properties.
 */
public record TableDefinition(
    String name,
    String comment,
    StructType schema,
    List<String> partitionColumns,
    Map<String, String> properties) {
  public TableDefinition {
    partitionColumns = List.copyOf(partitionColumns);
    properties = Map.copyOf(properties);
  }
}
