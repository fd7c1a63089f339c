package org.nmis.governance.policy;

import java.util.Locale;
import java.util.Map;

/**
 * A row as the policy reads it outside SQL: the value of a column by its (lower-case) name, or
 * null.
 */
@FunctionalInterface
public interface ColumnValues {
  Object get(String column);

  /** Reads a map keyed by column name; a key of another case still matches, as in SQL. */
  static ColumnValues of(Map<String, ?> row) {
    return column -> {
      Object v = row.get(column);
      if (v != null || row.containsKey(column)) {
        return v;
      }
      for (Map.Entry<String, ?> e : row.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(column)) {
          return e.getValue();
        }
      }
      return null;
    };
  }
}
