package org.nmis.governance.sql;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.WarehouseCatalog;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.governance.policy.TableRule;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;

/**
 * The entry point of governed SQL: turns a caller's query into Spark SQL that reads only what the
 * access policy lets the caller see. Build one at start-up and share it: it is immutable and
 * thread-safe.
 *
 * <pre>{@code
 * GovernedSql sql = GovernedSql.create(catalog, AccessPolicies.standard(),
 *     TableLocator.inCatalog("spark_catalog", "default"));
 * GovernedQuery q = sql.prepare("SELECT mode, count(*) FROM registrations GROUP BY mode", scope, 10_000);
 * List<Row> rows = spark.sql(q.sparkSql()).collectAsList();
 * q.requireWithinLimit(rows.size());
 * }</pre>
 */
public final class GovernedSql {
  private final WarehouseCatalog catalog;
  private final AccessPolicy policy;
  private final TableLocator locator;
  private final Map<Role, CatalogValidator> validators = new EnumMap<>(Role.class);
  private final Map<Role, String> readableNames = new EnumMap<>(Role.class);

  private GovernedSql(WarehouseCatalog catalog, AccessPolicy policy, TableLocator locator) {
    this.catalog = catalog;
    this.policy = policy;
    this.locator = locator;
    for (Role role : Role.values()) {
      List<CatalogTable> readable = new ArrayList<>();
      for (CatalogTable table : catalog.tables()) {
        if (policy.rule(table.name(), role).isPresent()) {
          readable.add(table);
        }
      }
      validators.put(role, new CatalogValidator(readable));
      readableNames.put(
          role,
          readable.stream().map(CatalogTable::name).sorted().collect(Collectors.joining(", ")));
    }
  }

  /**
   * Checks the policy against the catalog and every table's location, then builds the per-role
   * validators.
   *
   * @throws IllegalStateException if the policy or the locator does not fit the catalog (codes
   *     NMIS-POL-*, NMIS-SQL-901)
   */
  public static GovernedSql create(
      WarehouseCatalog catalog, AccessPolicy policy, TableLocator locator) {
    policy.verify(catalog);
    for (CatalogTable table : catalog.tables()) {
      List<String> parts = locator.locate(table.name());
      if (parts == null
          || parts.size() < 2
          || parts.stream().anyMatch(p -> p == null || p.isEmpty())) {
        throw new IllegalStateException(
            "NMIS-SQL-901: the table locator gives "
                + parts
                + " for table "
                + table.name()
                + "; it must give at least two non-empty parts (catalog.database.table or "
                + "format.path), see TableLocator");
      }
    }
    return new GovernedSql(catalog, policy, locator);
  }

  /**
   * Parses, validates and rewrites one query for one caller.
   *
   * @param sql the caller's Spark SQL: exactly one query
   * @param caller who asks; their role and jurisdiction decide the rows and columns they see
   * @param rowLimit the most rows the caller may receive (at least 1)
   * @throws SqlRejectedException if the SQL is not one valid query over tables the caller may read
   */
  public GovernedQuery prepare(String sql, AccessScope caller, long rowLimit) {
    if (caller == null) {
      throw new IllegalArgumentException("NMIS-SQL-902: prepare needs the caller's access scope");
    }
    if (rowLimit < 1 || rowLimit == Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "NMIS-SQL-903: the row limit must be between 1 and Long.MAX_VALUE - 1, "
              + "got "
              + rowLimit);
    }
    // Validation rewrites its tree in place (expanding *, qualifying names), so the rewrite works
    // on a second,
    // untouched parse of the same text.
    SqlNode forValidation = StatementParser.parseQuery(sql);
    SqlNode forRewrite = StatementParser.parseQuery(sql);
    PolicyRewriter rewriter = new PolicyRewriter(views(caller));
    SqlNode rewritten = rewriter.rewrite(forRewrite);
    List<OutputColumn> columns = validators.get(caller.role()).validate(forValidation);
    String sparkSql = SparkSqlWriter.write(RowLimits.cap(rewritten, rowLimit + 1));
    return new GovernedQuery(sparkSql, columns, rewriter.tablesRead(), rowLimit);
  }

  /**
   * The tables this role may name, in name order, each column with the mask the role reads it
   * through: what a SQL editor offers the caller.
   */
  public List<ReadableTable> readable(Role role) {
    List<ReadableTable> out = new ArrayList<>();
    for (CatalogTable table : catalog.tables()) {
      policy
          .rule(table.name(), role)
          .ifPresent(
              rule ->
                  out.add(
                      new ReadableTable(
                          table.name(),
                          table.comment(),
                          table.columns().stream()
                              .map(
                                  c ->
                                      new ReadableTable.Column(
                                          c.name(),
                                          ReadableTable.typeName(c.type()),
                                          rule.maskOf(c.name())))
                              .toList())));
    }
    out.sort(java.util.Comparator.comparing(ReadableTable::name));
    return out;
  }

  private PolicyRewriter.Views views(AccessScope caller) {
    return new PolicyRewriter.Views() {
      @Override
      public Optional<SqlSelect> view(String name) {
        Optional<CatalogTable> table = catalog.table(name);
        Optional<TableRule> rule = table.flatMap(t -> policy.rule(t.name(), caller.role()));
        return rule.map(
            r -> PolicyViews.view(table.get(), r, caller, locator.locate(table.get().name())));
      }

      @Override
      public String unknownTable(String name) {
        // The same words whether the table does not exist or the role may not read it: no existence
        // oracle.
        return "table "
            + name
            + " does not exist or role "
            + caller.role()
            + " may not read it. Tables "
            + caller.role()
            + " can read: "
            + readableNames.get(caller.role())
            + ". Name one of them, without a "
            + "catalog, database or file path";
      }
    };
  }
}
