package org.nmis.governance.sql;

import java.util.List;

/**
 * Where Spark finds a catalog table's data, as the parts of a Spark identifier. Governed SQL quotes
 * each part in back-ticks itself, so a path or name cannot break out of it. A locator must give at
 * least two parts (catalog and database, or a format and a path): a query's CTE names have one part
 * and so can never shadow a located table.
 */
@FunctionalInterface
public interface TableLocator {
  List<String> locate(String table);

  /** Tables named in a Spark catalog, for example {@code spark_catalog.default.registrations}. */
  static TableLocator inCatalog(String catalog, String database) {
    return table -> List.of(catalog, database, table);
  }

  /**
   * Delta tables addressed by path: {@code delta.`<root>/<table>`}, as DeltaTables creates them.
   */
  static TableLocator deltaPaths(String root) {
    String base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    return table -> List.of("delta", base + "/" + table);
  }
}
