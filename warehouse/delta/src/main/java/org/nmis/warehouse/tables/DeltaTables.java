package org.nmis.warehouse.tables;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the warehouse's Delta tables where they are missing and names them in the session
 * catalog.
 */
public final class DeltaTables {
  /** Every table this module owns, in creation order. */
  public static final List<TableDefinition> ALL =
      List.of(
          RegistrationsRawTable.DEFINITION,
          RegistrationsTable.DEFINITION,
          RegistrationRejectsTable.DEFINITION,
          RegistrationCorrectionsTable.DEFINITION,
          StatesTable.DEFINITION,
          DistrictsTable.DEFINITION,
          MovementRequestsTable.DEFINITION,
          RequestEventsTable.DEFINITION,
          TrainsTable.DEFINITION,
          ManifestsTable.DEFINITION,
          EPassesTable.DEFINITION,
          OdFlowsTable.DEFINITION,
          StateDailyTable.DEFINITION,
          AuditLogTable.DEFINITION,
          SmsOutboxTable.DEFINITION,
          SmsEventsTable.DEFINITION,
          ReturnForecastTable.DEFINITION,
          ForecastBacktestTable.DEFINITION,
          QuarantinePlanTable.DEFINITION);

  /** Views over those tables, named after them (see {@link #registerNames}). */
  public static final List<ViewDefinition> VIEWS = List.of(ExposuresView.VIEW);

  private DeltaTables() {}

  /**
   * Creates the table at its path if there is none (tables are addressed by path; see {@link
   * #registerNames}).
   */
  public static void ensure(SparkSession spark, WarehouseLocation location, TableDefinition table) {
    StringBuilder ddl =
        new StringBuilder("CREATE TABLE IF NOT EXISTS delta.`")
            .append(location.pathOf(table))
            .append("` (")
            .append(table.schema().toDDL())
            .append(") USING delta");
    if (!table.partitionColumns().isEmpty()) {
      ddl.append(" PARTITIONED BY (")
          .append(String.join(", ", table.partitionColumns()))
          .append(")");
    }
    ddl.append(" COMMENT '").append(table.comment().replace("'", "\\'")).append("'");
    if (!table.properties().isEmpty()) {
      ddl.append(" TBLPROPERTIES (")
          .append(
              table.properties().entrySet().stream()
                  .map(p -> "'" + p.getKey() + "' = '" + p.getValue() + "'")
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(", ")))
          .append(")");
    }
    boolean existed = DeltaTable.isDeltaTable(spark, location.pathOf(table));
    spark.sql(ddl.toString());
    if (existed) {
      reconcileProperties(spark, location, table);
    }
  }

  /**
   * Sets the properties the definition declares on a table made by an older version (for example
   * {@code delta.appendOnly} lifted so that erasure can delete). Only declared keys are touched.
   */
  private static void reconcileProperties(
      SparkSession spark, WarehouseLocation location, TableDefinition table) {
    // SHOW TBLPROPERTIES reads the table's metadata only (DESCRIBE DETAIL would list its files).
    Map<String, String> now = new java.util.HashMap<>();
    for (Row r :
        spark.sql("SHOW TBLPROPERTIES delta.`" + location.pathOf(table) + "`").collectAsList()) {
      now.put(r.getString(0), r.getString(1));
    }
    String changes =
        table.properties().entrySet().stream()
            .filter(p -> !p.getValue().equals(now.get(p.getKey())))
            .map(p -> "'" + p.getKey() + "' = '" + p.getValue() + "'")
            .sorted()
            .collect(java.util.stream.Collectors.joining(", "));
    if (!changes.isEmpty()) {
      spark.sql(
          "ALTER TABLE delta.`" + location.pathOf(table) + "` SET TBLPROPERTIES (" + changes + ")");
    }
  }

  public static void ensureAll(SparkSession spark, WarehouseLocation location) {
    ensure(spark, location, ALL);
  }

  /**
   * Creates (or brings up to date) the tables a job writes: a job on its own needs only its tables,
   * and in the service the platform has made them all already.
   */
  public static void ensure(
      SparkSession spark, WarehouseLocation location, List<TableDefinition> tables) {
    for (TableDefinition t : tables) {
      ensure(spark, location, t);
    }
  }

  /**
   * Names every table in the session catalog, and defines the views over them ({@code SELECT ...
   * FROM registrations}), pointing at this location. The catalog is the session's own, so each JVM
   * names the tables again when it starts.
   */
  public static void registerNames(SparkSession spark, WarehouseLocation location) {
    for (TableDefinition t : ALL) {
      spark.sql("DROP TABLE IF EXISTS " + t.name());
      spark.sql(
          "CREATE TABLE "
              + t.name()
              + " USING delta LOCATION '"
              + location.pathOf(t).replace("'", "\\'")
              + "'");
    }
    for (ViewDefinition v : VIEWS) {
      spark.sql("CREATE OR REPLACE VIEW " + v.name() + " AS " + v.sql());
    }
  }

  public static DeltaTable open(
      SparkSession spark, WarehouseLocation location, TableDefinition table) {
    return DeltaTable.forPath(spark, location.pathOf(table));
  }
}
