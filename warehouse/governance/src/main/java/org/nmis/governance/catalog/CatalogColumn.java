package org.nmis.governance.catalog;

import java.util.Locale;

/**
 * A column of a warehouse table. Names are lower case, as Spark's case-insensitive catalog compares
 * them.
 */
public record CatalogColumn(String name, ColumnType type, boolean nullable) {
  public CatalogColumn {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("NMIS-CAT-001: a column needs a name");
    }
    if (type == null) {
      throw new IllegalArgumentException("NMIS-CAT-002: column " + name + " needs a type");
    }
    name = name.toLowerCase(Locale.ROOT);
  }

  public static CatalogColumn required(String name, ColumnType type) {
    return new CatalogColumn(name, type, false);
  }

  public static CatalogColumn optional(String name, ColumnType type) {
    return new CatalogColumn(name, type, true);
  }
}
