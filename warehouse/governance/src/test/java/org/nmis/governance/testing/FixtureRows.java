package org.nmis.governance.testing;

import static org.nmis.governance.testing.WarehouseFixtures.BIHAR;
import static org.nmis.governance.testing.WarehouseFixtures.GORAKHPUR;
import static org.nmis.governance.testing.WarehouseFixtures.MAHARASHTRA;
import static org.nmis.governance.testing.WarehouseFixtures.MUMBAI;
import static org.nmis.governance.testing.WarehouseFixtures.PATNA;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE;
import static org.nmis.governance.testing.WarehouseFixtures.UTTAR_PRADESH;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;

/**
 * A few known rows per table, from several states and districts, as plain Java values (String,
 * Integer, Long, Double, LocalDate, Instant, List, and Map for a struct). Distinctive values
 * ("canaries") make leaks easy to spot.
 */
public final class FixtureRows {
  public static final LocalDate DAY = LocalDate.of(2020, 5, 18);
  public static final Instant AT = Instant.parse("2020-05-16T09:30:12Z");

  /**
   * Person P1 travels Pune (MH) to Gorakhpur (UP); mobile numbers end in the person's number for
   * readability.
   */
  public static final List<Map<String, Object>> REGISTRATIONS =
      List.of(
          registration(
              "P1",
              MAHARASHTRA,
              "Ram Kumar",
              "+919876500001",
              MAHARASHTRA,
              PUNE,
              UTTAR_PRADESH,
              GORAKHPUR),
          registration(
              "P2", MAHARASHTRA, "Sita Devi", "+919876500002", MAHARASHTRA, PUNE, BIHAR, PATNA),
          registration(
              "P3",
              MAHARASHTRA,
              "Asha Patil",
              "+919876500003",
              MAHARASHTRA,
              MUMBAI,
              UTTAR_PRADESH,
              GORAKHPUR),
          registration(
              "P4",
              UTTAR_PRADESH,
              "Ravi Yadav",
              "+919876500004",
              UTTAR_PRADESH,
              GORAKHPUR,
              MAHARASHTRA,
              MUMBAI),
          registration(
              "P5", BIHAR, "Kiran Singh", "+919876500005", BIHAR, PATNA, UTTAR_PRADESH, GORAKHPUR),
          registration(
              "P6",
              UTTAR_PRADESH,
              "Meena Gupta",
              "+919876500006",
              UTTAR_PRADESH,
              GORAKHPUR,
              BIHAR,
              PATNA));

  public static final List<Map<String, Object>> REGISTRATION_REJECTS =
      List.of(
          reject(1, MAHARASHTRA, "MH-BAD-1", "{\"name\":\"Reject Canary MH\"}"),
          reject(2, UTTAR_PRADESH, "UP-BAD-1", "{\"name\":\"Reject Canary UP\"}"),
          reject(3, null, null, "not json REJECT-CANARY-MALFORMED"));

  public static final List<Map<String, Object>> REGISTRATIONS_RAW =
      List.of(
          row(
              WarehouseFixtures.REGISTRATIONS_RAW,
              "nmis.registrations.v1",
              0,
              7L,
              AT,
              "27:MH-PUNE-1",
              "RAW-CANARY {\"name\":\"Ram Kumar\"}",
              MAHARASHTRA,
              "MH-PUNE-1",
              "kafka:state-27",
              "VALID",
              AT,
              DAY));

  public static final List<Map<String, Object>> STATES =
      List.of(
          row(WarehouseFixtures.STATES, MAHARASHTRA, "Maharashtra", "महाराष्ट्र", "STATE"),
          row(WarehouseFixtures.STATES, UTTAR_PRADESH, "Uttar Pradesh", "उत्तर प्रदेश", "STATE"),
          row(WarehouseFixtures.STATES, BIHAR, "Bihar", "बिहार", "STATE"));

  public static final List<Map<String, Object>> DISTRICTS =
      List.of(
          row(WarehouseFixtures.DISTRICTS, PUNE, MAHARASHTRA, "Pune", 521, 18.52, 73.85),
          row(WarehouseFixtures.DISTRICTS, MUMBAI, MAHARASHTRA, "Mumbai", 519, 18.94, 72.83),
          row(
              WarehouseFixtures.DISTRICTS,
              GORAKHPUR,
              UTTAR_PRADESH,
              "Gorakhpur",
              186,
              26.76,
              83.37),
          row(WarehouseFixtures.DISTRICTS, PATNA, BIHAR, "Patna", 230, 25.59, 85.14));

  public static final List<Map<String, Object>> OD_FLOWS =
      List.of(
          flow(MAHARASHTRA, PUNE, UTTAR_PRADESH, GORAKHPUR, 2, 5),
          flow(MAHARASHTRA, MUMBAI, BIHAR, PATNA, 3, 4),
          flow(BIHAR, PATNA, UTTAR_PRADESH, GORAKHPUR, 7, 11),
          flow(UTTAR_PRADESH, GORAKHPUR, MAHARASHTRA, MUMBAI, 1, 1));

  public static final List<Map<String, Object>> STATE_DAILY =
      List.of(
          row(WarehouseFixtures.STATE_DAILY, MAHARASHTRA, DAY, 5L, 9L, 1L, 1L),
          row(WarehouseFixtures.STATE_DAILY, UTTAR_PRADESH, DAY, 1L, 1L, 9L, 16L),
          row(WarehouseFixtures.STATE_DAILY, BIHAR, DAY, 7L, 11L, 3L, 4L));

  public static final List<Map<String, Object>> AUDIT_LOG =
      List.of(
          row(
              WarehouseFixtures.AUDIT_LOG,
              "A1",
              AT,
              "mh-state",
              "STATE",
              "mh-state:STATE:27",
              "sql.query",
              "SELECT 'AUDIT-CANARY'",
              "{}",
              3L,
              12L,
              "OK",
              DAY,
              null,
              null,
              null,
              null),
          row(
              WarehouseFixtures.AUDIT_LOG,
              "A2",
              AT,
              "health",
              "HEALTH",
              "health:HEALTH",
              "persons.by-mobile",
              null,
              "{\"mobile\":\"+91XXXXXX0001\"}",
              1L,
              2L,
              "OK",
              DAY,
              null,
              null,
              null,
              null));

  /** Two alerts, one to a Pune traveller, one to a Gorakhpur traveller; bodies are canaries. */
  public static final List<Map<String, Object>> SMS_OUTBOX =
      List.of(sms("SMS-1", "+919876500001", PUNE), sms("SMS-2", "+919876500002", GORAKHPUR));

  private static Map<String, Object> sms(String id, String mobile, int district) {
    return row(
        WarehouseFixtures.SMS_OUTBOX,
        id,
        "manifest:MR-1@abc",
        "P1",
        "manifest.issued",
        "en",
        1,
        "1107160000000000011",
        mobile,
        "BODY-CANARY " + id,
        1,
        district,
        "DELIVERED",
        1,
        "SM" + id,
        null,
        AT,
        AT,
        7L);
  }

  /** Every fixture table's rows by table name. */
  public static final Map<String, List<Map<String, Object>>> BY_TABLE =
      Map.ofEntries(
          Map.entry("registrations", REGISTRATIONS),
          Map.entry("registration_rejects", REGISTRATION_REJECTS),
          Map.entry("registrations_raw", REGISTRATIONS_RAW),
          Map.entry("states", STATES),
          Map.entry("districts", DISTRICTS),
          Map.entry("od_flows", OD_FLOWS),
          Map.entry("state_daily", STATE_DAILY),
          Map.entry("audit_log", AUDIT_LOG),
          Map.entry("sms_outbox", SMS_OUTBOX),
          Map.entry("sms_events", List.of()),
          Map.entry("return_forecast", List.of()),
          Map.entry("forecast_backtest", List.of()),
          Map.entry("quarantine_plan", List.of()),
          // The movement tables have no fixture rows: the matrix checks that each role may or may
          // not read them.
          Map.entry("movement_requests", List.of()),
          Map.entry("request_events", List.of()),
          Map.entry("trains", List.of()),
          Map.entry("manifests", List.of()),
          Map.entry("epasses", List.of()));

  private FixtureRows() {}

  /** The Aadhaar token of a fixture person: it must never leave the warehouse. */
  public static String aadhaarToken(String personId) {
    return "TOKEN-CANARY-" + personId;
  }

  private static Map<String, Object> registration(
      String personId,
      int sourceState,
      String name,
      String mobile,
      int originState,
      int originDistrict,
      int destinationState,
      int destinationDistrict) {
    return row(
        WarehouseFixtures.REGISTRATIONS,
        personId,
        sourceState,
        sourceState + "-REC-" + personId,
        name,
        34,
        "M",
        mobile,
        aadhaarToken(personId),
        "12" + personId.substring(1) + "4",
        originState,
        originDistrict,
        destinationState,
        destinationDistrict,
        DAY,
        "TRAIN",
        2,
        "G-" + personId,
        "LABOUR",
        null,
        "HASH-CANARY-" + personId,
        3,
        100L + personId.charAt(1),
        1,
        "kafka:state-" + sourceState,
        AT,
        "kafka:state-" + sourceState,
        AT);
  }

  private static Map<String, Object> reject(
      int offset, Integer state, String recordId, String payload) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", "MOBILE_INVALID");
    error.put("field", "mobile");
    error.put("value", "ERROR-VALUE-CANARY-" + offset);
    error.put("message", "mobile must be an Indian mobile number");
    return row(
        WarehouseFixtures.REGISTRATION_REJECTS,
        "nmis.registrations.v1",
        1,
        (long) offset,
        state,
        recordId,
        payload,
        List.of("MOBILE_INVALID"),
        List.of(error),
        "kafka:state-" + state,
        AT,
        DAY);
  }

  private static Map<String, Object> flow(
      int originState,
      int originDistrict,
      int destinationState,
      int destinationDistrict,
      long registrations,
      long persons) {
    return row(
        WarehouseFixtures.OD_FLOWS,
        DAY,
        "TRAIN",
        originState,
        originDistrict,
        destinationState,
        destinationDistrict,
        registrations,
        persons);
  }

  /** A row of {@code table} from values in column order. */
  private static Map<String, Object> row(CatalogTable table, Object... values) {
    List<CatalogColumn> columns = table.columns();
    if (columns.size() != values.length) {
      throw new IllegalArgumentException(
          table.name() + " has " + columns.size() + " columns, got " + values.length);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      row.put(columns.get(i).name(), values[i]);
    }
    return row;
  }

  /** The column names of a table, in order. */
  public static List<String> columnNames(CatalogTable table) {
    List<String> names = new ArrayList<>();
    table.columns().forEach(c -> names.add(c.name()));
    return names;
  }
}
