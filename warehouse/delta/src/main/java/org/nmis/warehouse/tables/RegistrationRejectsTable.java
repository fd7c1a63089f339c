package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code registration_rejects}: every message that failed a rule, with every error (code, field,
 * value, message) so that the state can fix and re-send it. Append-only, partitioned by the day it
 * was received.
 */
public final class RegistrationRejectsTable {
  public static final String NAME = "registration_rejects";

  // Delta cannot enforce NOT NULL inside arrays, so the element's fields are all declared nullable.
  public static final StructType ERROR =
      new StructType()
          .add(optional("code", STRING, "stable error code"))
          .add(optional("field", STRING, "field (JSON key / CSV header)"))
          .add(optional("value", STRING, "offending value (Aadhaar masked)"))
          .add(optional("message", STRING, "what is wrong and what is expected"));

  public static final StructType SCHEMA =
      new StructType()
          .add(required("topic", STRING, "Kafka topic"))
          .add(required("kafka_partition", INT, "Kafka partition"))
          .add(required("kafka_offset", LONG, "Kafka offset"))
          .add(optional("source_state_code", INT, "uploading state, when readable"))
          .add(optional("source_record_id", STRING, "the state's record ID, when readable"))
          .add(optional("payload", STRING, "the rejected message, Aadhaar tokenised"))
          .add(
              required(
                  "error_codes",
                  new ArrayType(DataTypes.StringType, true),
                  "codes of every failed rule"))
          .add(required("errors", new ArrayType(ERROR, true), "every failed rule"))
          .add(required("submitted_by", STRING, "who published the message"))
          .add(required("received_at", TIMESTAMP, "when the warehouse ingested it"))
          .add(required("received_date", DATE, "day received (partition column)"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Registrations that failed validation, with every error",
          SCHEMA,
          List.of("received_date"),
          // As registrations_raw: erasure and retention delete from it; no statistics on the
          // payload.
          Map.of(
              "delta.appendOnly",
              "false",
              Columns.STATS_COLUMNS,
              "topic,kafka_partition,kafka_offset,source_state_code,received_at"));

  private RegistrationRejectsTable() {}
}
