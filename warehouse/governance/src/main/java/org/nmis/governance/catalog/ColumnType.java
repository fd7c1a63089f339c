package org.nmis.governance.catalog;

import java.util.List;

/**
 * The type of a warehouse column: a scalar, an array, or a struct (for example an error record in a
 * list).
 */
public sealed interface ColumnType
    permits ColumnType.Scalar, ColumnType.ArrayOf, ColumnType.StructOf {
  ColumnType STRING = Scalar.STRING;
  ColumnType INT = Scalar.INT;
  ColumnType LONG = Scalar.LONG;
  ColumnType DOUBLE = Scalar.DOUBLE;
  ColumnType BOOLEAN = Scalar.BOOLEAN;
  ColumnType DATE = Scalar.DATE;
  ColumnType TIMESTAMP = Scalar.TIMESTAMP;

  /**
   * Spark's StringType, IntegerType, LongType, DoubleType, BooleanType, DateType and TimestampType.
   */
  enum Scalar implements ColumnType {
    STRING,
    INT,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP
  }

  /** An array whose elements may be null, as Delta stores them. */
  record ArrayOf(ColumnType element) implements ColumnType {
    public ArrayOf {
      if (element == null) {
        throw new IllegalArgumentException("NMIS-CAT-004: an array type needs an element type");
      }
    }
  }

  record StructOf(List<CatalogColumn> fields) implements ColumnType {
    public StructOf {
      if (fields == null || fields.isEmpty()) {
        throw new IllegalArgumentException("NMIS-CAT-005: a struct type needs at least one field");
      }
      fields = List.copyOf(fields);
    }
  }

  static ColumnType arrayOf(ColumnType element) {
    return new ArrayOf(element);
  }

  static ColumnType structOf(CatalogColumn... fields) {
    return new StructOf(List.of(fields));
  }

  /** Whether values are whole numbers, which is what jurisdiction codes are. */
  default boolean isInteger() {
    return this == INT || this == LONG;
  }
}
