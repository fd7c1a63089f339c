package org.nmis.warehouse.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.nmis.model.privacy.PersonErasure;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.warehouse.spark.Conflicts;
import org.nmis.warehouse.tables.RegistrationCorrectionsTable;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * Deletes a person's rows from the tables that hold their registration: every message of their
 * source record ({@code registrations_raw}, {@code registration_rejects}), a correction waiting to
 * be merged, and last their row in {@code registrations}, whose change feed then takes them out of
 * the serving copies and the flows. In that order, so that an erasure cut off half-way can be asked
 * again (the person is still found until the last step). The movement tables hold no names; the old
 * file versions go when the retention job vacuums ({@link DeltaRetention}).
 */
public final class DeltaErasure implements PersonErasure.Store {
  private final SparkSession spark;
  private final WarehouseLocation location;

  public DeltaErasure(SparkSession spark, WarehouseLocation location) {
    this.spark = spark;
    this.location = location;
  }

  @Override
  public Map<String, Long> erase(StoredRegistration person) {
    Registration r = person.registration();
    Column sourceRecord =
        col("source_state_code")
            .equalTo(lit(r.sourceStateCode()))
            .and(col("source_record_id").equalTo(lit(r.sourceRecordId())));
    Map<String, Long> removed = new LinkedHashMap<>();
    removed.put(
        RegistrationsRawTable.NAME,
        delete(
            RegistrationsRawTable.DEFINITION,
            sourceRecord.or(col("kafka_key").equalTo(lit(r.sourceKey())))));
    removed.put(
        RegistrationRejectsTable.NAME, delete(RegistrationRejectsTable.DEFINITION, sourceRecord));
    removed.put(
        RegistrationCorrectionsTable.NAME,
        delete(RegistrationCorrectionsTable.DEFINITION, sourceRecord));
    removed.put(
        RegistrationsTable.NAME,
        delete(
            RegistrationsTable.DEFINITION,
            col(RegistrationsTable.PERSON_ID).equalTo(lit(person.personId().value()))));
    return removed;
  }

  /** Rows matching, then deleted (a conflict with the ingestion job is tried again). */
  private long delete(TableDefinition table, Column condition) {
    return Conflicts.retry(
        "NMIS-PRV-001",
        "the erasure's delete from " + table.name(),
        () -> {
          DeltaTable t = DeltaTable.forPath(spark, location.pathOf(table));
          long rows = t.toDF().filter(condition).count();
          if (rows > 0) {
            t.delete(condition);
          }
          return rows;
        });
  }
}
