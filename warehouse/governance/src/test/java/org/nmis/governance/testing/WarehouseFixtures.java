package org.nmis.governance.testing;

import static org.nmis.governance.catalog.CatalogColumn.optional;
import static org.nmis.governance.catalog.CatalogColumn.required;
import static org.nmis.governance.catalog.ColumnType.DATE;
import static org.nmis.governance.catalog.ColumnType.DOUBLE;
import static org.nmis.governance.catalog.ColumnType.INT;
import static org.nmis.governance.catalog.ColumnType.LONG;
import static org.nmis.governance.catalog.ColumnType.STRING;
import static org.nmis.governance.catalog.ColumnType.TIMESTAMP;
import static org.nmis.governance.catalog.ColumnType.arrayOf;
import static org.nmis.governance.catalog.ColumnType.structOf;

import java.util.List;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.WarehouseCatalog;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.warehouse.tables.AuditLogTable;
import org.nmis.warehouse.tables.EPassesTable;
import org.nmis.warehouse.tables.ForecastBacktestTable;
import org.nmis.warehouse.tables.ManifestsTable;
import org.nmis.warehouse.tables.MovementRequestsTable;
import org.nmis.warehouse.tables.QuarantinePlanTable;
import org.nmis.warehouse.tables.RequestEventsTable;
import org.nmis.warehouse.tables.ReturnForecastTable;
import org.nmis.warehouse.tables.SmsEventsTable;
import org.nmis.warehouse.tables.SmsOutboxTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.TrainsTable;

/**
 * The warehouse catalog as the runtime builds it from the Delta definitions (checked against them
 * by CatalogFixturesMatchDeltaTablesTest), plus audit_log, which the governed-SQL issue adds, and
 * the demo users' access scopes. The movement tables are left out: the policy has no rule for them
 * yet.
 */
public final class WarehouseFixtures {
  public static final CatalogTable REGISTRATIONS =
      CatalogTable.of(
          "registrations",
          "Validated registrations, one row per person",
          required("person_id", STRING),
          required("source_state_code", INT),
          required("source_record_id", STRING),
          required("name", STRING),
          required("age", INT),
          required("gender", STRING),
          required("mobile", STRING),
          optional("aadhaar_token", STRING),
          optional("aadhaar_last4", STRING),
          required("origin_state_code", INT),
          required("origin_district_code", INT),
          required("destination_state_code", INT),
          required("destination_district_code", INT),
          required("travel_date", DATE),
          required("mode", STRING),
          required("persons_accompanying", INT),
          optional("group_ref", STRING),
          optional("category", STRING),
          optional("vehicle_ref", STRING),
          required("content_hash", STRING),
          required("kafka_partition", INT),
          required("kafka_offset", LONG),
          required("version", INT),
          required("created_by", STRING),
          required("created_at", TIMESTAMP),
          required("updated_by", STRING),
          required("updated_at", TIMESTAMP));

  public static final CatalogTable REGISTRATION_REJECTS =
      CatalogTable.of(
          "registration_rejects",
          "Registrations that failed validation, with every error",
          required("topic", STRING),
          required("kafka_partition", INT),
          required("kafka_offset", LONG),
          optional("source_state_code", INT),
          optional("source_record_id", STRING),
          optional("payload", STRING),
          required("error_codes", arrayOf(STRING)),
          required(
              "errors",
              arrayOf(
                  structOf(
                      optional("code", STRING),
                      optional("field", STRING),
                      optional("value", STRING),
                      optional("message", STRING)))),
          required("submitted_by", STRING),
          required("received_at", TIMESTAMP),
          required("received_date", DATE));

  /** Has no rule in the policy: nobody may read it through SQL. */
  public static final CatalogTable REGISTRATIONS_RAW =
      CatalogTable.of(
          "registrations_raw",
          "Every registration message as received",
          required("topic", STRING),
          required("kafka_partition", INT),
          required("kafka_offset", LONG),
          optional("kafka_timestamp", TIMESTAMP),
          optional("kafka_key", STRING),
          optional("payload", STRING),
          optional("source_state_code", INT),
          optional("source_record_id", STRING),
          required("submitted_by", STRING),
          required("outcome", STRING),
          required("received_at", TIMESTAMP),
          required("received_date", DATE));

  public static final CatalogTable STATES =
      CatalogTable.of(
          "states",
          "LGD states and union territories",
          required("state_code", INT),
          required("state_name", STRING),
          optional("local_name", STRING),
          required("kind", STRING));

  public static final CatalogTable DISTRICTS =
      CatalogTable.of(
          "districts",
          "LGD districts with headquarters coordinates",
          required("district_code", INT),
          required("state_code", INT),
          required("district_name", STRING),
          optional("census2011_code", INT),
          required("latitude", DOUBLE),
          required("longitude", DOUBLE));

  public static final CatalogTable OD_FLOWS =
      CatalogTable.of(
          "od_flows",
          "Origin-destination flows per travel date and mode, maintained incrementally from registrations",
          required("travel_date", DATE),
          required("mode", STRING),
          required("origin_state_code", INT),
          required("origin_district_code", INT),
          required("destination_state_code", INT),
          required("destination_district_code", INT),
          required("registrations", LONG),
          required("persons", LONG));

  public static final CatalogTable STATE_DAILY =
      CatalogTable.of(
          "state_daily",
          "Outflow and inflow per state and travel date, maintained incrementally from registrations",
          required("state_code", INT),
          required("travel_date", DATE),
          required("outflow_registrations", LONG),
          required("outflow_persons", LONG),
          required("inflow_registrations", LONG),
          required("inflow_persons", LONG));

  public static final CatalogTable AUDIT_LOG = fromDelta(AuditLogTable.DEFINITION);

  /** The movement tables, as their Delta definitions give them. */
  public static final List<CatalogTable> MOVEMENT =
      List.of(
          fromDelta(MovementRequestsTable.DEFINITION),
          fromDelta(RequestEventsTable.DEFINITION),
          fromDelta(TrainsTable.DEFINITION),
          fromDelta(ManifestsTable.DEFINITION),
          fromDelta(EPassesTable.DEFINITION));

  public static final CatalogTable SMS_OUTBOX = fromDelta(SmsOutboxTable.DEFINITION);

  public static final CatalogTable SMS_EVENTS = fromDelta(SmsEventsTable.DEFINITION);

  public static final CatalogTable RETURN_FORECAST = fromDelta(ReturnForecastTable.DEFINITION);

  public static final CatalogTable FORECAST_BACKTEST = fromDelta(ForecastBacktestTable.DEFINITION);
  public static final CatalogTable QUARANTINE_PLAN = fromDelta(QuarantinePlanTable.DEFINITION);

  public static final WarehouseCatalog CATALOG =
      WarehouseCatalog.of(
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of(
                      REGISTRATIONS,
                      REGISTRATION_REJECTS,
                      REGISTRATIONS_RAW,
                      STATES,
                      DISTRICTS,
                      OD_FLOWS,
                      STATE_DAILY,
                      AUDIT_LOG,
                      SMS_OUTBOX,
                      SMS_EVENTS,
                      RETURN_FORECAST,
                      FORECAST_BACKTEST,
                      QUARANTINE_PLAN),
                  MOVEMENT.stream())
              .toList());

  public static final int MAHARASHTRA = 27;
  public static final int UTTAR_PRADESH = 9;
  public static final int BIHAR = 10;
  public static final int PUNE = 490;
  public static final int MUMBAI = 482;
  public static final int GORAKHPUR = 148;
  public static final int PATNA = 230;

  public static final AccessScope MINISTRY = new AccessScope("ministry", Role.MINISTRY, null, null);
  public static final AccessScope MH_STATE =
      new AccessScope("mh-state", Role.STATE, MAHARASHTRA, null);
  public static final AccessScope UP_STATE =
      new AccessScope("up-state", Role.STATE, UTTAR_PRADESH, null);
  public static final AccessScope PUNE_DISTRICT =
      new AccessScope("pune-district", Role.DISTRICT, MAHARASHTRA, PUNE);
  public static final AccessScope RAILWAYS = new AccessScope("railways", Role.RAILWAYS, null, null);
  public static final AccessScope HEALTH = new AccessScope("health", Role.HEALTH, null, null);
  public static final AccessScope AUDITOR = new AccessScope("auditor", Role.AUDITOR, null, null);

  private WarehouseFixtures() {}

  private static CatalogTable fromDelta(TableDefinition definition) {
    List<CatalogColumn> columns = new java.util.ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : definition.schema().fields()) {
      columns.add(
          new CatalogColumn(f.name(), SparkFixtures.columnType(f.dataType()), f.nullable()));
    }
    return new CatalogTable(definition.name(), definition.comment(), columns);
  }
}
