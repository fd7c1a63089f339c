package org.nmis.governance.sql;

import java.util.List;
import org.nmis.governance.catalog.ColumnType;
import org.nmis.governance.policy.Mask;

/**
 * A table one role may name in governed SQL, as an editor lists it: what it holds, and each column
 * with its type and how the role sees its values (the rows are filtered by jurisdiction on top of
 * this).
 */
public record ReadableTable(String name, String comment, List<Column> columns) {
  public ReadableTable {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("NMIS-SQL-904: a readable table needs a name");
    }
    columns = List.copyOf(columns);
  }

  /**
   * @param type the SQL type as governed SQL writes it ({@code STRING}, {@code ARRAY<STRING>},
   *     {@code STRUCT<...>})
   */
  public record Column(String name, String type, Mask mask) {}

  static String typeName(ColumnType type) {
    if (type instanceof ColumnType.ArrayOf a) {
      return "ARRAY<" + typeName(a.element()) + ">";
    }
    if (type instanceof ColumnType.StructOf st) {
      return "STRUCT<"
          + String.join(
              ", ", st.fields().stream().map(f -> f.name() + ": " + typeName(f.type())).toList())
          + ">";
    }
    return ((ColumnType.Scalar) type).name();
  }
}
