package org.nmis.api.platform;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.ColumnType;
import org.nmis.governance.catalog.WarehouseCatalog;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.TableDefinition;

/**
 * The catalog governed SQL validates against, derived from the Delta tables as code (one source of
 * truth).
 */
final class GovernedCatalog {
  private GovernedCatalog() {}

  static WarehouseCatalog of(List<TableDefinition> tables) {
    List<CatalogTable> out = new ArrayList<>();
    for (TableDefinition t : tables) {
      List<CatalogColumn> columns = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        columns.add(new CatalogColumn(f.name(), columnType(f.dataType()), f.nullable()));
      }
      out.add(new CatalogTable(t.name(), t.comment(), columns));
    }
    return WarehouseCatalog.of(out);
  }

  /** The tables, and the views over them, that DeltaTables names in the session catalog. */
  static WarehouseCatalog warehouse() {
    List<TableDefinition> all = new ArrayList<>(DeltaTables.ALL);
    DeltaTables.VIEWS.forEach(v -> all.add(v.table()));
    return of(all);
  }

  private static ColumnType columnType(DataType type) {
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
    if (type.equals(DataTypes.StringType)) {
      return ColumnType.STRING;
    } else if (type.equals(DataTypes.IntegerType)) {
      return ColumnType.INT;
    } else if (type.equals(DataTypes.LongType)) {
      return ColumnType.LONG;
    } else if (type.equals(DataTypes.DoubleType)) {
      return ColumnType.DOUBLE;
    } else if (type.equals(DataTypes.BooleanType)) {
      return ColumnType.BOOLEAN;
    } else if (type.equals(DataTypes.DateType)) {
      return ColumnType.DATE;
    } else if (type.equals(DataTypes.TimestampType)) {
      return ColumnType.TIMESTAMP;
    }
    throw new IllegalArgumentException(
        "NMIS-CAT-006: no catalog type for Spark type "
            + type
            + "; extend GovernedCatalog before adding such a column to a table");
  }
}
