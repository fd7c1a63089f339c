package org.nmis.governance.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A warehouse table as SQL sees it: its name, what it holds, and its columns in schema order. */
public record CatalogTable(String name, String comment, List<CatalogColumn> columns) {
  public CatalogTable {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("NMIS-CAT-001: a table needs a name");
    }
    name = name.toLowerCase(Locale.ROOT);
    comment = comment == null ? "" : comment;
    columns = List.copyOf(columns);
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("NMIS-CAT-003: table " + name + " has no columns");
    }
    Set<String> seen = new HashSet<>();
    for (CatalogColumn c : columns) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException(
            "NMIS-CAT-003: table " + name + " has column " + c.name() + " twice");
      }
    }
  }

  public static CatalogTable of(String name, String comment, CatalogColumn... columns) {
    return new CatalogTable(name, comment, List.of(columns));
  }

  /** The column with this name, compared case-insensitively. */
  public Optional<CatalogColumn> column(String columnName) {
    String wanted = columnName.toLowerCase(Locale.ROOT);
    return columns.stream().filter(c -> c.name().equals(wanted)).findFirst();
  }
}
