package org.nmis.warehouse.tables;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/** Shorthand for schema declarations: {@code required("age", INT, "age in years")}. */
final class Columns {
  static final DataType STRING = DataTypes.StringType;
  static final DataType INT = DataTypes.IntegerType;
  static final DataType LONG = DataTypes.LongType;
  static final DataType DOUBLE = DataTypes.DoubleType;
  static final DataType DATE = DataTypes.DateType;
  static final DataType TIMESTAMP = DataTypes.TimestampType;
  static final DataType BOOLEAN = DataTypes.BooleanType;

  /**
   * The table property naming the columns Delta keeps statistics on. Delta writes each file's
   * minimum and maximum values into its log, where a DELETE does not reach and VACUUM does not
   * clean (the log is kept for {@code delta.logRetentionDuration}); so tables with personal data
   * list only columns that are not personal, and an erased name or mobile cannot linger there.
   */
  static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

  private Columns() {}

  static StructField required(String name, DataType type, String comment) {
    return new StructField(name, type, false, comment(comment));
  }

  static StructField optional(String name, DataType type, String comment) {
    return new StructField(name, type, true, comment(comment));
  }

  private static Metadata comment(String comment) {
    return new MetadataBuilder().putString("comment", comment).build();
  }
}
