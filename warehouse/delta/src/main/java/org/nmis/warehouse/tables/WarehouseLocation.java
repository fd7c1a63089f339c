package org.nmis.warehouse.tables;

/**
 * Where the Delta tables live: a local directory for the embedded default, or any Hadoop file
 * system URI ({@code hdfs://nn/nmis}, {@code s3a://bucket/nmis}, {@code abfss://...}). Each table
 * is a folder below it.
 */
public record WarehouseLocation(String root) {
  public WarehouseLocation {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException(
          "NMIS-WH-001: the warehouse location is empty; set nmis.warehouse.location");
    }
    root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public String pathOf(TableDefinition table) {
    return root + "/" + table.name();
  }
}
