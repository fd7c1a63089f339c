package org.nmis.governance.policy;

import java.util.List;
import java.util.Locale;
import org.nmis.model.access.AccessScope;

/**
 * Which rows of a table a role sees. Filters are structured, not SQL text, so that governed SQL and
 * the Java read paths (lookups, exports) apply exactly the same rule.
 */
public sealed interface RowFilter permits RowFilter.All, RowFilter.CallerJurisdiction {
  /** Every row. */
  static RowFilter all() {
    return new All();
  }

  /**
   * Rows where any of the columns holds the caller's state code (STATE users, and DISTRICT users'
   * own state).
   */
  static RowFilter callerState(String... columns) {
    return new CallerJurisdiction(Level.STATE, List.of(columns));
  }

  /** Rows where any of the columns holds the caller's district code. */
  static RowFilter callerDistrict(String... columns) {
    return new CallerJurisdiction(Level.DISTRICT, List.of(columns));
  }

  /** Whether the caller sees this row. */
  boolean test(ColumnValues row, AccessScope caller);

  /** The columns the filter reads. */
  List<String> columns();

  /** The level of a caller's jurisdiction that a filter compares with. */
  enum Level {
    STATE,
    DISTRICT;

    /** The caller's code at this level; null when the caller has none (national roles). */
    public Integer codeOf(AccessScope caller) {
      return this == STATE ? caller.stateCode() : caller.districtCode();
    }
  }

  record All() implements RowFilter {
    @Override
    public boolean test(ColumnValues row, AccessScope caller) {
      return true;
    }

    @Override
    public List<String> columns() {
      return List.of();
    }
  }

  /**
   * Any of {@code columns} equals the caller's code at {@code level}. A caller without a code at
   * that level sees no rows: the filter fails closed.
   */
  record CallerJurisdiction(Level level, List<String> columns) implements RowFilter {
    public CallerJurisdiction {
      if (level == null || columns == null || columns.isEmpty()) {
        throw new IllegalArgumentException(
            "NMIS-POL-001: a jurisdiction filter needs a level and at least one column");
      }
      columns = columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public boolean test(ColumnValues row, AccessScope caller) {
      Integer code = level.codeOf(caller);
      if (code == null) {
        return false;
      }
      for (String column : columns) {
        if (row.get(column) instanceof Number n && n.longValue() == code) {
          return true;
        }
      }
      return false;
    }
  }
}
