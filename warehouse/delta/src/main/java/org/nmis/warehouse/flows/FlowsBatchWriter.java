package org.nmis.warehouse.flows;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.OdFlowsTable;
import org.nmis.warehouse.tables.StateDailyTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Keeps {@code od_flows} and {@code state_daily} equal to a GROUP BY over {@code registrations}
 * without rebuilding them: each batch of the registrations change feed becomes signed deltas (an
 * insert or post-image counts +1, a pre-image or delete -1, so a corrected destination moves one
 * count from the old pair to the new one) that are added by MERGE. Additions are not idempotent by
 * nature, so each MERGE carries a Delta transaction ID (writer ID and batch ID): a batch replayed
 * after a crash is skipped by the table it already reached.
 */
public final class FlowsBatchWriter {
  /** The tables this writer writes. */
  public static final List<TableDefinition> TABLES =
      List.of(OdFlowsTable.DEFINITION, StateDailyTable.DEFINITION);

  private final WarehouseLocation location;
  private final String writerId;

  public FlowsBatchWriter(WarehouseLocation location, String writerId) {
    this.location = location;
    this.writerId = writerId;
  }

  /**
   * Applies one batch of the registrations change feed. Returns the number of changed flow keys.
   */
  public long write(Dataset<Row> changes, long batchId) {
    Dataset<Row> deltas = odDeltas(changes).persist(StorageLevel.MEMORY_AND_DISK());
    try {
      long n = deltas.count();
      if (n == 0) {
        return 0;
      }
      SparkSession spark = changes.sparkSession();
      add(
          spark,
          deltas,
          OdFlowsTable.DEFINITION,
          OdFlowsTable.KEYS,
          List.of("registrations", "persons"),
          batchId);
      add(
          spark,
          stateDeltas(deltas),
          StateDailyTable.DEFINITION,
          StateDailyTable.KEYS,
          List.of(
              "outflow_registrations", "outflow_persons", "inflow_registrations", "inflow_persons"),
          batchId);
      return n;
    } finally {
      deltas.unpersist();
    }
  }

  /** Signed counts per flow key; keys whose changes cancel out are dropped. */
  static Dataset<Row> odDeltas(Dataset<Row> changes) {
    Column type = col("_change_type");
    Column sign =
        when(type.isin("insert", "update_postimage"), lit(1L))
            .when(type.isin("delete", "update_preimage"), lit(-1L))
            .otherwise(lit(0L));
    return changes
        .groupBy(OdFlowsTable.KEYS.stream().map(c -> col(c)).toArray(Column[]::new))
        .agg(
            sum(sign).as("registrations"),
            sum(sign.multiply(col("persons_accompanying").plus(1L))).as("persons"))
        .filter(col("registrations").notEqual(0L).or(col("persons").notEqual(0L)));
  }

  /**
   * Outflow deltas by origin state and inflow deltas by destination state, summed per state and
   * date.
   */
  static Dataset<Row> stateDeltas(Dataset<Row> odDeltas) {
    Dataset<Row> out =
        odDeltas.select(
            col("origin_state_code").as("state_code"),
            col("travel_date"),
            col("registrations").as("outflow_registrations"),
            col("persons").as("outflow_persons"),
            lit(0L).as("inflow_registrations"),
            lit(0L).as("inflow_persons"));
    Dataset<Row> in =
        odDeltas.select(
            col("destination_state_code").as("state_code"),
            col("travel_date"),
            lit(0L).as("outflow_registrations"),
            lit(0L).as("outflow_persons"),
            col("registrations").as("inflow_registrations"),
            col("persons").as("inflow_persons"));
    return out.unionByName(in)
        .groupBy(col("state_code"), col("travel_date"))
        .agg(
            sum("outflow_registrations").as("outflow_registrations"),
            sum("outflow_persons").as("outflow_persons"),
            sum("inflow_registrations").as("inflow_registrations"),
            sum("inflow_persons").as("inflow_persons"));
  }

  private void add(
      SparkSession spark,
      Dataset<Row> deltas,
      TableDefinition table,
      List<String> keys,
      List<String> counts,
      long batchId) {
    String on = keys.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
    String allZero =
        counts.stream()
            .map(c -> "t." + c + " + s." + c + " = 0")
            .collect(Collectors.joining(" AND "));
    java.util.Map<String, String> plus =
        counts.stream()
            .collect(
                Collectors.toMap(
                    c -> c,
                    c -> "t." + c + " + s." + c,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new));
    // The batch's own session (a clone per streaming query), so the transaction ID reaches only
    // this MERGE.
    spark.conf().set("spark.databricks.delta.write.txnAppId", writerId + "-" + table.name());
    spark.conf().set("spark.databricks.delta.write.txnVersion", String.valueOf(batchId));
    try {
      // A MERGE that met a conflict did not commit, so its transaction ID is not taken: trying it
      // again adds the deltas once.
      Conflicts.retry(
          "NMIS-FLW-010",
          "the flows MERGE into " + table.name(),
          () ->
              DeltaTables.open(spark, location, table)
                  .as("t")
                  .merge(deltas.as("s"), on)
                  .whenMatched(allZero)
                  .delete()
                  .whenMatched()
                  .updateExpr(plus)
                  .whenNotMatched()
                  .insertAll()
                  .execute());
    } finally {
      spark.conf().unset("spark.databricks.delta.write.txnAppId");
      spark.conf().unset("spark.databricks.delta.write.txnVersion");
    }
  }
}
