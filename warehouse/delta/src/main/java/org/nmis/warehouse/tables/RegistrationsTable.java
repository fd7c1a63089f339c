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
 * {@code registrations}: one row per person ID, the latest valid version of each state's record,
 * normalised. Written only by the ingestion job's MERGE. The change data feed keeps every earlier
 * version readable ({@code table_changes('registrations', 0)}) and feeds the serving index.
 */
public final class RegistrationsTable {
  public static final String NAME = "registrations";

  public static final String PERSON_ID = "person_id";
  public static final String SOURCE_STATE_CODE = "source_state_code";
  public static final String SOURCE_RECORD_ID = "source_record_id";
  public static final String CONTENT_HASH = "content_hash";
  public static final String KAFKA_PARTITION = "kafka_partition";
  public static final String KAFKA_OFFSET = "kafka_offset";
  public static final String VERSION = "version";
  public static final String CREATED_BY = "created_by";
  public static final String CREATED_AT = "created_at";
  public static final String UPDATED_BY = "updated_by";
  public static final String UPDATED_AT = "updated_at";

  /** The registration's own values, in model order; what a correction may change. */
  public static final List<String> DATA_COLUMNS =
      List.of(
          "name",
          "age",
          "gender",
          "mobile",
          "aadhaar_token",
          "aadhaar_last4",
          "origin_state_code",
          "origin_district_code",
          "destination_state_code",
          "destination_district_code",
          "travel_date",
          "mode",
          "persons_accompanying",
          "group_ref",
          "category",
          "vehicle_ref");

  public static final StructType SCHEMA =
      new StructType()
          .add(required(PERSON_ID, STRING, "unique person ID, XXXXX-XXXXX with a check symbol"))
          .add(required(SOURCE_STATE_CODE, INT, "LGD code of the state that registered the person"))
          .add(required(SOURCE_RECORD_ID, STRING, "the registering state's own record ID"))
          .add(required("name", STRING, "name as registered, any script, spaces normalised"))
          .add(required("age", INT, "age in years, 0-120"))
          .add(required("gender", STRING, "M, F, T or U"))
          .add(required("mobile", STRING, "mobile number, +91XXXXXXXXXX"))
          .add(
              optional(
                  "aadhaar_token",
                  STRING,
                  "HMAC-SHA256 token of the Aadhaar number; never the number"))
          .add(optional("aadhaar_last4", STRING, "last four digits of the Aadhaar number"))
          .add(required("origin_state_code", INT, "LGD state code of origin"))
          .add(required("origin_district_code", INT, "LGD district code of origin"))
          .add(required("destination_state_code", INT, "LGD state code of destination"))
          .add(required("destination_district_code", INT, "LGD district code of destination"))
          .add(required("travel_date", DATE, "date of travel"))
          .add(required("mode", STRING, "TRAIN, BUS or OTHER"))
          .add(
              required("persons_accompanying", INT, "persons travelling with the registrant, 0-20"))
          .add(optional("group_ref", STRING, "shared by people travelling together"))
          .add(optional("category", STRING, "LABOUR, STUDENT, TOURIST, PILGRIM or OTHER"))
          .add(optional("vehicle_ref", STRING, "train or bus number when known"))
          .add(
              required(
                  CONTENT_HASH, STRING, "digest of the values, tells a correction from a re-send"))
          .add(
              required(
                  KAFKA_PARTITION, INT, "topic partition of the message this version came from"))
          .add(required(KAFKA_OFFSET, LONG, "topic offset of the message this version came from"))
          .add(required(VERSION, INT, "1 when created, +1 with each correction"))
          .add(required(CREATED_BY, STRING, "who submitted the first version"))
          .add(required(CREATED_AT, TIMESTAMP, "when the first version was ingested"))
          .add(required(UPDATED_BY, STRING, "who submitted the current version"))
          .add(required(UPDATED_AT, TIMESTAMP, "when the current version was ingested"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Validated registrations, one row per person",
          SCHEMA,
          List.of(),
          Map.of(
              "delta.enableChangeDataFeed",
              "true",
              "delta.enableDeletionVectors",
              "true",
              "delta.checkpointInterval",
              "20"));

  private RegistrationsTable() {}
}
