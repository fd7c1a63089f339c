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
import org.apache.spark.sql.types.StructType;

/**
 * {@code registrations_raw}: every message of the registrations topic as received, append-only,
 * with its topic coordinates. The payload has Aadhaar already tokenised. Partitioned by the day it
 * was received.
 */
public final class RegistrationsRawTable {
  public static final String NAME = "registrations_raw";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("topic", STRING, "Kafka topic"))
          .add(required("kafka_partition", INT, "Kafka partition"))
          .add(required("kafka_offset", LONG, "Kafka offset"))
          .add(optional("kafka_timestamp", TIMESTAMP, "timestamp of the Kafka record"))
          .add(optional("kafka_key", STRING, "record key, source_state_code:source_record_id"))
          .add(optional("payload", STRING, "the message, Aadhaar tokenised"))
          .add(optional("source_state_code", INT, "uploading state, when readable"))
          .add(optional("source_record_id", STRING, "the state's record ID, when readable"))
          .add(required("submitted_by", STRING, "who published the message"))
          .add(required("outcome", STRING, "VALID or REJECTED"))
          .add(required("received_at", TIMESTAMP, "when the warehouse ingested it"))
          .add(required("received_date", DATE, "day received (partition column)"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Every registration message as received",
          SCHEMA,
          List.of("received_date"),
          // Not append-only: an erasure and the retention job delete from it. Statistics only on
          // columns that are not personal, so the Delta log (which keeps each file's minimum and
          // maximum values) holds no name or mobile that an erasure could not reach.
          Map.of(
              "delta.appendOnly",
              "false",
              Columns.STATS_COLUMNS,
              "topic,kafka_partition,kafka_offset,kafka_timestamp,source_state_code,outcome,"
                  + "received_at"));

  private RegistrationsRawTable() {}
}
