package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code manifests}: the latest coach-level manifest of each booked request, one row per traveller
 * (a registrant or one of the persons accompanying them): coach and berth, or NOT_SEATED with the
 * reason. Names are not copied here; SQL joins {@code registrations} by person ID under the access
 * policy.
 */
public final class ManifestsTable {
  public static final String NAME = "manifests";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("request_id", STRING, "the request"))
          .add(
              required(
                  "manifest_version",
                  INT,
                  "1 for the first manifest of the request, then one more per re-run"))
          .add(
              required(
                  "traveller",
                  STRING,
                  "the person ID, or person ID +n for the n-th person accompanying them"))
          .add(
              required(
                  "person_id",
                  STRING,
                  "the registrant (for a person accompanying: the one they travel with)"))
          .add(required("train_number", STRING, "train number"))
          .add(required("train_date", DATE, "date of departure"))
          .add(required("seat_status", STRING, "SEATED or NOT_SEATED"))
          .add(optional("coach", STRING, "coach, for example S7"))
          .add(optional("berth", INT, "berth number in the coach"))
          .add(optional("berth_type", STRING, "LB, MB, UB, SL or SU"))
          .add(optional("bay", INT, "bay (compartment) number in the coach"))
          .add(optional("age", INT, "age in years, when known"))
          .add(optional("gender", STRING, "M, F, T or U, when known"))
          .add(optional("group_ref", STRING, "shared by people travelling together"))
          .add(required("destination_district_code", INT, "LGD district code of destination"))
          .add(optional("reason", STRING, "why a NOT_SEATED traveller has no berth"))
          .add(required("generated_at", TIMESTAMP, "when this manifest version was generated"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Coach-level manifests of booked trains, one row per traveller",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true"));

  private ManifestsTable() {}
}
