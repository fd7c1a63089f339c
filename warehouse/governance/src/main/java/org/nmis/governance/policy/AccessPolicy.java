package org.nmis.governance.policy;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.WarehouseCatalog;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;

/**
 * The access policy: per table and role, a {@link TableRule}. A role without a rule for a table
 * cannot read it at all, and a table without rules is readable by nobody: access is denied by
 * default. Immutable and thread-safe.
 */
public final class AccessPolicy {
  private final Map<String, Map<Role, TableRule>> rules;

  /** Answers served only by the REST API (not warehouse tables): SQL cannot name them. */
  private final Set<String> restViews;

  private AccessPolicy(Map<String, Map<Role, TableRule>> rules, Set<String> restViews) {
    this.rules = rules;
    this.restViews = restViews;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The rule for this role on this table (name compared case-insensitively); empty means no access.
   */
  public Optional<TableRule> rule(String table, Role role) {
    return Optional.ofNullable(
        rules.getOrDefault(table.toLowerCase(Locale.ROOT), Map.of()).get(role));
  }

  /** The tables this policy has any rule for, sorted. */
  public Set<String> tables() {
    return Collections.unmodifiableSet(new TreeSet<>(rules.keySet()));
  }

  /**
   * One row as governed SQL would return it: empty if the caller may not see it, otherwise a copy
   * with every column masked for the caller's role (a hidden column stays, as NULL).
   */
  public Optional<Map<String, Object>> read(String table, AccessScope caller, Map<String, ?> row) {
    return visibleRule(table, caller, row)
        .map(
            rule -> {
              Map<String, Object> shown = new LinkedHashMap<>();
              row.forEach((column, value) -> shown.put(column, rule.maskOf(column).apply(value)));
              return shown;
            });
  }

  /**
   * One row as a REST answer shows it: empty if the caller may not see it, otherwise only the
   * columns the caller's rule shows, masked. A column the rule hides is not in the answer at all,
   * so it cannot leave the service.
   */
  public Optional<Map<String, Object>> view(String table, AccessScope caller, Map<String, ?> row) {
    return visibleRule(table, caller, row)
        .map(
            rule -> {
              Map<String, Object> shown = new LinkedHashMap<>();
              row.forEach(
                  (column, value) -> {
                    Mask mask = rule.maskOf(column);
                    if (mask != Mask.HIDDEN) {
                      shown.put(column, mask.apply(value));
                    }
                  });
              return shown;
            });
  }

  /** Whether the caller may see this row of the table at all. */
  public boolean sees(String table, AccessScope caller, Map<String, ?> row) {
    return visibleRule(table, caller, row).isPresent();
  }

  /** The REST-only answers the policy declares (see {@link Builder#restView}), sorted. */
  public Set<String> restViews() {
    return Collections.unmodifiableSet(new TreeSet<>(restViews));
  }

  private Optional<TableRule> visibleRule(String table, AccessScope caller, Map<String, ?> row) {
    return rule(table, caller.role())
        .filter(rule -> rule.rows().test(ColumnValues.of(row), caller));
  }

  /**
   * Fails if a rule names a column the catalog's table lacks, masks a column with a mask its type
   * cannot take, or filters on a column that holds no codes. Rules for tables the catalog does not
   * (yet) have are ignored.
   */
  public void verify(WarehouseCatalog catalog) {
    for (String view : restViews) {
      if (catalog.table(view).isPresent()) {
        throw new IllegalStateException(
            "NMIS-POL-009: "
                + view
                + " is declared as a REST-only view but is also a "
                + "warehouse table; declare it with table(...) in the policy, or rename the view");
      }
    }
    for (CatalogTable table : catalog.tables()) {
      rules.getOrDefault(table.name(), Map.of()).forEach((role, rule) -> verify(table, role, rule));
    }
  }

  private static void verify(CatalogTable table, Role role, TableRule rule) {
    rule.masks()
        .forEach(
            (column, mask) -> {
              CatalogColumn c =
                  table
                      .column(column)
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "NMIS-POL-002: the policy "
                                      + "masks column "
                                      + column
                                      + " of table "
                                      + table.name()
                                      + " for "
                                      + role
                                      + ", but the table has no such "
                                      + "column; fix the policy (AccessPolicies) or the table definition"));
              if (!mask.supports(c.type())) {
                throw new IllegalStateException(
                    "NMIS-POL-003: mask "
                        + mask
                        + " cannot apply to "
                        + table.name()
                        + "."
                        + column
                        + " of type "
                        + c.type()
                        + "; choose another mask in the policy");
              }
            });
    for (String column : rule.rows().columns()) {
      boolean codes = table.column(column).map(c -> c.type().isInteger()).orElse(false);
      if (!codes) {
        throw new IllegalStateException(
            "NMIS-POL-004: the row filter of "
                + table.name()
                + " for "
                + role
                + " compares column "
                + column
                + " with jurisdiction codes, but the table has no integer column of "
                + "that name; fix the policy or the table definition");
      }
    }
  }

  /** Builds the policy table by table; see {@link AccessPolicies#standard()}. */
  public static final class Builder {
    private final Map<String, Map<Role, TableRule>> rules = new HashMap<>();
    private final Set<String> restViews = new HashSet<>();

    private Builder() {}

    /**
     * Declares who may read {@code table}: {@code otherColumns} is the mask of every column the
     * declaration does not name (HIDDEN for personal data, so that new columns stay hidden until
     * the policy names them).
     */
    public Builder table(String table, Mask otherColumns, Consumer<TableRules> declaration) {
      String name = table.toLowerCase(Locale.ROOT);
      if (rules.containsKey(name)) {
        throw new IllegalStateException(
            "NMIS-POL-005: table " + name + " is declared twice in the policy");
      }
      TableRules t = new TableRules(name, otherColumns);
      declaration.accept(t);
      rules.put(name, t.build());
      return this;
    }

    /**
     * Declares an answer that only the REST API serves, such as a manifest line with the
     * traveller's name: the same rules as a table, but no warehouse table has this name, so
     * governed SQL cannot read it.
     */
    public Builder restView(String view, Mask otherColumns, Consumer<TableRules> declaration) {
      table(view, otherColumns, declaration);
      restViews.add(view.toLowerCase(Locale.ROOT));
      return this;
    }

    public AccessPolicy build() {
      Map<String, Map<Role, TableRule>> copy = new HashMap<>();
      rules.forEach(
          (table, byRole) -> copy.put(table, Collections.unmodifiableMap(new EnumMap<>(byRole))));
      return new AccessPolicy(Map.copyOf(copy), Set.copyOf(restViews));
    }
  }

  /** The rules of one table: which roles read which rows, and the masks of named columns. */
  public static final class TableRules {
    private final String table;
    private final Mask otherColumns;
    private final Map<Role, RowFilter> rows = new EnumMap<>(Role.class);
    private final Map<Role, Map<String, Mask>> masks = new EnumMap<>(Role.class);
    private final Map<String, Mask> readerMasks = new LinkedHashMap<>();

    private TableRules(String table, Mask otherColumns) {
      this.table = table;
      this.otherColumns = otherColumns;
    }

    /**
     * These roles read the rows that pass {@code filter}. A role given no rows cannot read the
     * table.
     */
    public TableRules rows(RowFilter filter, Role... roles) {
      for (Role role : roles) {
        if (rows.putIfAbsent(role, filter) != null) {
          throw new IllegalStateException(
              "NMIS-POL-006: " + table + " gives rows to " + role + " twice");
        }
      }
      return this;
    }

    /** These roles see these columns through {@code mask}. */
    public TableRules mask(Mask mask, Set<Role> roles, String... columns) {
      for (Role role : roles) {
        for (String column : columns) {
          put(masks.computeIfAbsent(role, r -> new HashMap<>()), column, mask, role.toString());
        }
      }
      return this;
    }

    /** Every role that reads the table sees these columns through {@code mask}. */
    public TableRules maskForReaders(Mask mask, String... columns) {
      Arrays.stream(columns).forEach(column -> put(readerMasks, column, mask, "every reader"));
      return this;
    }

    private void put(Map<String, Mask> target, String column, Mask mask, String who) {
      if (target.putIfAbsent(column.toLowerCase(Locale.ROOT), mask) != null) {
        throw new IllegalStateException(
            "NMIS-POL-007: " + table + "." + column + " is masked twice for " + who);
      }
    }

    private Map<Role, TableRule> build() {
      Set<Role> masked =
          masks.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(masks.keySet());
      masked.removeAll(rows.keySet());
      if (!masked.isEmpty()) {
        throw new IllegalStateException(
            "NMIS-POL-008: "
                + table
                + " masks columns for "
                + masked
                + " but gives them no rows; add rows(...) for them or drop the masks");
      }
      Map<Role, TableRule> out = new EnumMap<>(Role.class);
      rows.forEach(
          (role, filter) -> {
            Map<String, Mask> own = masks.getOrDefault(role, Map.of());
            Map<String, Mask> all = new HashMap<>(readerMasks);
            for (Map.Entry<String, Mask> e : own.entrySet()) {
              if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException(
                    "NMIS-POL-007: "
                        + table
                        + "."
                        + e.getKey()
                        + " is masked for every "
                        + "reader and again for "
                        + role
                        + "; keep one");
              }
            }
            out.put(role, new TableRule(filter, all, otherColumns));
          });
      return out;
    }
  }
}
