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
 * {@code epasses}: every e-pass issued to a manifested passenger, and its revocation. The token is
 * not stored.
 */
public final class EPassesTable {
  public static final String NAME = "epasses";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("pass_id", STRING, "unique pass ID, carried in the signed token"))
          .add(
              required(
                  "traveller_id",
                  STRING,
                  "the traveller: a person ID, or person ID +n for one accompanying them"))
          .add(required("person_id", STRING, "the registrant the traveller belongs to"))
          .add(required("request_id", STRING, "the request"))
          .add(required("train_number", STRING, "train number"))
          .add(required("train_date", DATE, "date of departure"))
          .add(required("coach", STRING, "coach"))
          .add(required("berth", INT, "berth"))
          .add(required("status", STRING, "ISSUED or REVOKED"))
          .add(required("issued_at", TIMESTAMP, "when it was issued"))
          .add(required("valid_from", TIMESTAMP, "start of validity"))
          .add(required("valid_until", TIMESTAMP, "end of validity"))
          .add(optional("revoked_at", TIMESTAMP, "when it was revoked"))
          .add(optional("revocation_reason", STRING, "why it was revoked"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "E-passes issued to manifested passengers, and revocations",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true"));

  private EPassesTable() {}
}
