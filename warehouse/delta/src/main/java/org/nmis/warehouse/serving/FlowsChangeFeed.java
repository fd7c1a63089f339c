package org.nmis.warehouse.serving;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.model.serving.FlowIndex;
import org.nmis.warehouse.tables.OdFlowsTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/** Keeps the {@link FlowIndex} equal to {@code od_flows} through its change feed. */
public final class FlowsChangeFeed {
  private FlowsChangeFeed() {}

  public static ChangeFeed start(
      SparkSession spark, WarehouseLocation location, FlowIndex index, long triggerMillis) {
    return ChangeFeed.start(
        spark,
        location.pathOf(OdFlowsTable.DEFINITION),
        "flows-serving-feed",
        triggerMillis,
        batch -> apply(batch, index));
  }

  static void apply(Dataset<Row> batch, FlowIndex index) {
    Iterator<Row> rows =
        batch
            .filter(col("_change_type").notEqual("update_preimage"))
            .orderBy(col("_commit_version"))
            .toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      FlowIndex.Flow f =
          new FlowIndex.Flow(
              r.<LocalDate>getAs("travel_date"),
              r.getAs("mode"),
              r.getAs("origin_state_code"),
              r.getAs("origin_district_code"),
              r.getAs("destination_state_code"),
              r.getAs("destination_district_code"),
              r.getAs("registrations"),
              r.getAs("persons"));
      if ("delete".equals(r.getAs("_change_type"))) {
        index.remove(f);
      } else {
        index.upsert(f);
      }
    }
  }
}
