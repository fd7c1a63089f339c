package org.nmis.warehouse.reference;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.State;
import org.nmis.warehouse.tables.DistrictsTable;
import org.nmis.warehouse.tables.StatesTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Writes the reference data into the {@code states} and {@code districts} Delta tables (replacing
 * them).
 */
public final class ReferenceTables {
  private ReferenceTables() {}

  public static void write(
      SparkSession spark, WarehouseLocation location, ReferenceData reference) {
    List<Row> states = new ArrayList<>();
    for (State s : reference.states()) {
      states.add(
          RowFactory.create(
              s.code(),
              s.name(),
              s.localName().isEmpty() ? null : s.localName(),
              s.unionTerritory() ? "UT" : "STATE"));
    }
    List<Row> districts = new ArrayList<>();
    for (District d : reference.districts()) {
      districts.add(
          RowFactory.create(
              d.code(),
              d.stateCode(),
              d.name(),
              d.census2011Code() == 0 ? null : d.census2011Code(),
              d.latitude(),
              d.longitude()));
    }
    overwrite(spark, location, StatesTable.DEFINITION, states);
    overwrite(spark, location, DistrictsTable.DEFINITION, districts);
  }

  private static void overwrite(
      SparkSession spark, WarehouseLocation location, TableDefinition table, List<Row> rows) {
    spark
        .createDataFrame(rows, table.schema())
        .write()
        .format("delta")
        .mode("overwrite")
        .save(location.pathOf(table));
  }
}
