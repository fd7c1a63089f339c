package org.nmis.warehouse.tables;

/**
 * A view as code: its name, columns and comment (as governed SQL's catalog sees it) and the Spark
 * SQL that defines it over the warehouse's tables, by their catalog names.
 */
public record ViewDefinition(TableDefinition table, String sql) {
  public ViewDefinition {
    if (table == null || sql == null || sql.isBlank()) {
      throw new IllegalArgumentException("NMIS-TAB-001: a view needs its columns and its SQL");
    }
  }

  public String name() {
    return table.name();
  }
}
