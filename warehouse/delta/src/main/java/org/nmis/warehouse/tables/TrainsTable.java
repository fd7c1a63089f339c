package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.BOOLEAN;
import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code trains}: the train Railways booked for each accepted request, with its rake and capacity.
 */
public final class TrainsTable {
  public static final String NAME = "trains";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("request_id", STRING, "the request the train carries"))
          .add(required("train_number", STRING, "train number"))
          .add(required("train_date", DATE, "date of departure"))
          .add(required("origin_station", STRING, "station code of departure"))
          .add(required("destination_station", STRING, "station code of arrival"))
          .add(required("rake", STRING, "coaches per class, for example SL:24"))
          .add(required("coaches", INT, "number of passenger coaches"))
          .add(required("middle_berths_empty", BOOLEAN, "true when middle berths are left empty"))
          .add(required("capacity", INT, "berths that may be allocated"))
          .add(required("booked_by", STRING, "user:role who booked it"))
          .add(required("booked_at", TIMESTAMP, "when it was booked"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Trains booked by Railways for accepted movement requests",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true"));

  private TrainsTable() {}
}
