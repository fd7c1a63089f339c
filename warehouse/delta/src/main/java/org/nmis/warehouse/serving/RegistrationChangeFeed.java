package org.nmis.warehouse.serving;

import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.model.ids.PersonId;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.warehouse.registrations.RegistrationRows;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Keeps a {@link RegistrationIndex} equal to the {@code registrations} table through its change
 * feed.
 */
public final class RegistrationChangeFeed {
  private RegistrationChangeFeed() {}

  public static ChangeFeed start(
      SparkSession spark, WarehouseLocation location, RegistrationIndex index, long triggerMillis) {
    return ChangeFeed.start(
        spark,
        location.pathOf(RegistrationsTable.DEFINITION),
        "registration-index-feed",
        triggerMillis,
        batch -> apply(batch, index));
  }

  /** Applies one batch of changes in commit order; pre-images of updates carry nothing new. */
  static void apply(Dataset<Row> batch, RegistrationIndex index) {
    Iterator<Row> rows =
        batch
            .filter(col("_change_type").notEqual("update_preimage"))
            .orderBy(col("_commit_version"))
            .toLocalIterator();
    long maxVersion = -1;
    while (rows.hasNext()) {
      Row r = rows.next();
      if ("delete".equals(r.getAs("_change_type"))) {
        index.remove(new PersonId(r.getAs(RegistrationsTable.PERSON_ID)));
      } else {
        index.upsert(RegistrationRows.toStored(r));
      }
      maxVersion = Math.max(maxVersion, r.<Long>getAs("_commit_version"));
    }
    if (maxVersion >= 0) {
      index.markApplied(maxVersion);
    }
  }
}
