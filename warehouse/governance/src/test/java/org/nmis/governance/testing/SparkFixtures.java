package org.nmis.governance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.ColumnType;

/**
 * Writes the fixture rows as real Delta tables in a fresh directory and names them in the session
 * catalog ({@code spark_catalog.default.<table>}), as the service does at start-up. Also converts
 * between the catalog's types and Spark's, and turns Spark rows back into plain values for
 * comparison.
 */
public final class SparkFixtures {
  private SparkFixtures() {}

  /** The directory holding one Delta table per fixture table. */
  public static Path writeAll(SparkSession spark) {
    try {
      Path root = Files.createTempDirectory("nmis-governance");
      for (CatalogTable table : WarehouseFixtures.CATALOG.tables()) {
        String path = root.resolve(table.name()).toUri().toString();
        spark
            .createDataFrame(
                sparkRows(table, FixtureRows.BY_TABLE.get(table.name())),
                structType(table.columns()))
            .write()
            .format("delta")
            .save(path);
        spark.sql("DROP TABLE IF EXISTS " + table.name());
        spark.sql("CREATE TABLE " + table.name() + " USING delta LOCATION '" + path + "'");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static StructType structType(List<CatalogColumn> columns) {
    StructType struct = new StructType();
    for (CatalogColumn c : columns) {
      struct = struct.add(c.name(), dataType(c.type()), c.nullable());
    }
    return struct;
  }

  /** A catalog column type from a Spark type: what the runtime's converter does for every table. */
  public static ColumnType columnType(DataType type) {
    if (type instanceof ArrayType a) {
      return ColumnType.arrayOf(columnType(a.elementType()));
    }
    if (type instanceof StructType s) {
      List<CatalogColumn> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        fields.add(new CatalogColumn(f.name(), columnType(f.dataType()), f.nullable()));
      }
      return new ColumnType.StructOf(fields);
    }
    for (ColumnType.Scalar scalar : ColumnType.Scalar.values()) {
      if (dataType(scalar).equals(type)) {
        return scalar;
      }
    }
    throw new IllegalArgumentException("no catalog type for Spark type " + type);
  }

  /**
   * A Spark value as a plain one: arrays become lists, structs become lists of their field values.
   */
  public static Object plain(Object value) {
    if (value instanceof Row row) {
      List<Object> fields = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        fields.add(plain(row.get(i)));
      }
      return fields;
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      List<Object> items = new ArrayList<>();
      seq.foreach(item -> items.add(plain(item)));
      return items;
    }
    return value;
  }

  /** A fixture value as a plain one, in the same form as {@link #plain}. */
  public static Object plainFixture(Object value) {
    if (value instanceof Map<?, ?> struct) {
      return struct.values().stream().map(SparkFixtures::plainFixture).toList();
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SparkFixtures::plainFixture).toList();
    }
    return value;
  }

  private static DataType dataType(ColumnType type) {
    if (type instanceof ColumnType.ArrayOf a) {
      return DataTypes.createArrayType(dataType(a.element()), true);
    }
    if (type instanceof ColumnType.StructOf s) {
      return structType(s.fields());
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
    };
  }

  private static List<Row> sparkRows(CatalogTable table, List<Map<String, Object>> rows) {
    List<Row> out = new ArrayList<>();
    for (Map<String, Object> row : rows) {
      out.add(sparkRow(table.columns(), row));
    }
    return out;
  }

  private static Row sparkRow(List<CatalogColumn> columns, Map<String, ?> values) {
    Object[] cells = new Object[columns.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = sparkValue(columns.get(i).type(), values.get(columns.get(i).name()));
    }
    return RowFactory.create(cells);
  }

  @SuppressWarnings("unchecked")
  private static Object sparkValue(ColumnType type, Object value) {
    if (value == null) {
      return null;
    }
    if (type instanceof ColumnType.ArrayOf a) {
      return ((List<?>) value).stream().map(item -> sparkValue(a.element(), item)).toList();
    }
    if (type instanceof ColumnType.StructOf s) {
      return sparkRow(s.fields(), (Map<String, ?>) value);
    }
    return value;
  }
}
