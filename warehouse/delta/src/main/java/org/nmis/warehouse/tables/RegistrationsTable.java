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
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.nmis.model.registration.RegistrationColumns;

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
      RegistrationColumns.DATA.stream().map(RegistrationColumns.Column::name).toList();

  /**
   * The model's columns ({@link RegistrationColumns}), with the ingestion job's bookkeeping between
   * the data and the audit columns.
   */
  public static final StructType SCHEMA =
      add(
          add(add(new StructType(), RegistrationColumns.KEYS), RegistrationColumns.DATA)
              .add(
                  required(
                      CONTENT_HASH,
                      STRING,
                      "digest of the values, tells a correction from a re-send"))
              .add(
                  required(
                      KAFKA_PARTITION,
                      INT,
                      "topic partition of the message this version came from"))
              .add(
                  required(
                      KAFKA_OFFSET, LONG, "topic offset of the message this version came from")),
          RegistrationColumns.AUDIT);

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
              "20",
              // No statistics on name, mobile or the Aadhaar token: see Columns.STATS_COLUMNS.
              Columns.STATS_COLUMNS,
              "person_id,source_state_code,origin_state_code,origin_district_code,"
                  + "destination_state_code,destination_district_code,travel_date,mode,version,"
                  + "created_at,updated_at"));

  private RegistrationsTable() {}

  private static StructType add(StructType schema, List<RegistrationColumns.Column> columns) {
    StructType s = schema;
    for (RegistrationColumns.Column c : columns) {
      StructField f =
          c.nullable()
              ? optional(c.name(), type(c.kind()), c.comment())
              : required(c.name(), type(c.kind()), c.comment());
      s = s.add(f);
    }
    return s;
  }

  private static DataType type(RegistrationColumns.Kind kind) {
    return switch (kind) {
      case STRING -> STRING;
      case INT -> INT;
      case DATE -> DATE;
      case TIMESTAMP -> TIMESTAMP;
    };
  }
}
