package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code registration_corrections}: corrections the ingestion job has accepted but not yet MERGEd
 * into {@code registrations}, as the rows they will become (with the batch that brought them).
 * During a burst the job MERGEs them every few batches instead of every batch, because a MERGE
 * costs seconds whatever its size; this table keeps them safe across a crash in between. Rows are
 * deleted once MERGEd, so it holds at most a few batches' corrections. Personal data like {@code
 * registrations}: no role may read it (the access policy names it nowhere).
 */
public final class RegistrationCorrectionsTable {
  public static final String NAME = "registration_corrections";
  public static final String BATCH_ID = "batch_id";

  public static final StructType SCHEMA =
      RegistrationsTable.SCHEMA.add(
          required(BATCH_ID, LONG, "the ingestion batch that accepted the correction"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Corrections of registrations waiting for the next MERGE (a few batches at most)",
          SCHEMA,
          List.of(),
          Map.of(
              "delta.enableDeletionVectors",
              "true",
              Columns.STATS_COLUMNS,
              "person_id,source_state_code,batch_id"));

  private RegistrationCorrectionsTable() {}
}
