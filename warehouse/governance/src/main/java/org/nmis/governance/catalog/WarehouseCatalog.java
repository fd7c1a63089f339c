package org.nmis.governance.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every table SQL may name, looked up case-insensitively as Spark does. */
public final class WarehouseCatalog {
  private final Map<String, CatalogTable> tables;

  private WarehouseCatalog(Map<String, CatalogTable> tables) {
    this.tables = tables;
  }

  public static WarehouseCatalog of(Collection<CatalogTable> tables) {
    Map<String, CatalogTable> byName = new LinkedHashMap<>();
    for (CatalogTable t : tables) {
      if (byName.putIfAbsent(t.name(), t) != null) {
        throw new IllegalArgumentException(
            "NMIS-CAT-006: the catalog has table " + t.name() + " twice");
      }
    }
    return new WarehouseCatalog(Map.copyOf(byName));
  }

  public static WarehouseCatalog of(CatalogTable... tables) {
    return of(List.of(tables));
  }

  public Optional<CatalogTable> table(String name) {
    return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
  }

  public Collection<CatalogTable> tables() {
    return tables.values();
  }
}
