package org.nmis.governance.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.governance.testing.WarehouseFixtures.AUDITOR;
import static org.nmis.governance.testing.WarehouseFixtures.HEALTH;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE_DISTRICT;
import static org.nmis.governance.testing.WarehouseFixtures.RAILWAYS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.governance.testing.BypassCorpus;
import org.nmis.governance.testing.FixtureRows;
import org.nmis.governance.testing.SparkFixtures;
import org.nmis.governance.testing.WarehouseFixtures;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.warehouse.testing.SharedSpark;

/**
 * The security matrix on real Spark and Delta: for every role (and two jurisdictions) and every
 * table, the rows and column values governed SQL returns; then the bypass corpus. The fixture
 * tables are also named in the session catalog under their bare names, as in the service, so that
 * any un-rewritten reference would read raw data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernedSqlOnSparkTest {
  private static final List<AccessScope> CALLERS =
      List.of(MINISTRY, MH_STATE, PUNE_DISTRICT, RAILWAYS, HEALTH, AUDITOR);
  private static final AccessPolicy POLICY = AccessPolicies.standard();

  private SparkSession spark;
  private Path warehouse;
  private GovernedSql governed;

  @BeforeAll
  void writeFixtureTables() {
    spark = SharedSpark.session();
    warehouse = SparkFixtures.writeAll(spark);
    governed =
        GovernedSql.create(
            WarehouseFixtures.CATALOG, POLICY, TableLocator.inCatalog("spark_catalog", "default"));
  }

  Stream<Arguments> callersAndTables() {
    return CALLERS.stream()
        .flatMap(
            caller ->
                WarehouseFixtures.CATALOG.tables().stream()
                    .map(table -> Arguments.of(caller, table.name())));
  }

  /**
   * SQL returns exactly what the policy's Java form (used by lookups and exports) lets the caller
   * see.
   */
  @ParameterizedTest(name = "{0} reads {1}")
  @MethodSource("callersAndTables")
  void everyCallerSeesExactlyTheRowsAndMasksOfThePolicy(AccessScope caller, String table) {
    CatalogTable catalogTable = WarehouseFixtures.CATALOG.table(table).orElseThrow();
    List<List<Object>> expected = new ArrayList<>();
    for (Map<String, Object> row : FixtureRows.BY_TABLE.get(table)) {
      POLICY
          .read(table, caller, row)
          .ifPresent(
              shown ->
                  expected.add(
                      catalogTable.columns().stream()
                          .map(c -> SparkFixtures.plainFixture(shown.get(c.name())))
                          .toList()));
    }
    if (POLICY.rule(table, caller.role()).isEmpty()) {
      SqlRejectedException e =
          assertThrows(
              SqlRejectedException.class,
              () -> governed.prepare("SELECT * FROM " + table, caller, 100));
      assertEquals(SqlError.UNKNOWN_TABLE, e.error());
      return;
    }
    assertEquals(sorted(expected), sorted(run("SELECT * FROM " + table, caller)));
  }

  @Test
  void rolesSeeTheColumnsTheirWorkNeeds() {
    String sql =
        "SELECT name, mobile, aadhaar_last4, aadhaar_token, source_record_id, created_by, kafka_offset, "
            + "content_hash FROM registrations WHERE person_id = 'P1'";
    String counting = "[null, +91XXXXXX0001, null, null, null, null, null, null]";
    String contact =
        "[Ram Kumar, +919876500001, 1214, null, 27-REC-P1, kafka:state-27, null, null]";
    assertEquals(counting, run(sql, MINISTRY).get(0).toString());
    assertEquals(contact, run(sql, MH_STATE).get(0).toString());
    assertEquals(contact, run(sql, PUNE_DISTRICT).get(0).toString());
    assertEquals(counting, run(sql, RAILWAYS).get(0).toString());
    assertEquals(
        "[Ram Kumar, +919876500001, 1214, null, null, null, null, null]",
        run(sql, HEALTH).get(0).toString());
    assertEquals(
        "[null, +91XXXXXX0001, null, null, 27-REC-P1, kafka:state-27, 149, null]",
        run(sql, AUDITOR).get(0).toString());
  }

  /** The editor's column list says what the query above shows: the same mask per role. */
  @Test
  void theReadableListGivesEachColumnTheMaskTheQueriesApply() {
    java.util.function.Function<Role, String> masks =
        role ->
            governed.readable(role).stream()
                .filter(t -> t.name().equals("registrations"))
                .flatMap(t -> t.columns().stream())
                .filter(c -> List.of("name", "mobile", "aadhaar_token").contains(c.name()))
                .map(c -> c.name() + " " + c.type() + " " + c.mask())
                .toList()
                .toString();
    assertEquals(
        "[name STRING HIDDEN, mobile STRING MOBILE_LAST4, aadhaar_token STRING HIDDEN]",
        masks.apply(Role.MINISTRY));
    assertEquals(
        "[name STRING CLEAR, mobile STRING CLEAR, aadhaar_token STRING HIDDEN]",
        masks.apply(Role.STATE));
  }

  /** Calcite writes BETWEEN ASYMMETRIC, which Spark does not parse; a date range must run. */
  @Test
  void betweenRunsOnSpark() {
    String range =
        "SELECT count(*) FROM registrations WHERE travel_date %s DATE '1900-01-01' AND DATE"
            + " '2999-12-31'";
    long all = (Long) run("SELECT count(*) FROM registrations", MINISTRY).get(0).get(0);
    assertEquals(all, run(range.formatted("BETWEEN"), MINISTRY).get(0).get(0));
    assertEquals(0L, run(range.formatted("NOT BETWEEN"), MINISTRY).get(0).get(0));
    SqlRejectedException symmetric =
        assertThrows(
            SqlRejectedException.class,
            () -> governed.prepare(range.formatted("BETWEEN SYMMETRIC"), MINISTRY, 10));
    assertEquals(SqlError.UNSUPPORTED, symmetric.error());
  }

  @Test
  void readableTablesPerRole() {
    Map<AccessScope, String> readable =
        Map.of(
            MINISTRY,
                "[districts, epasses, forecast_backtest, manifests, movement_requests, od_flows,"
                    + " quarantine_plan, registration_rejects, registrations, request_events,"
                    + " return_forecast, sms_events, sms_outbox, state_daily, states, trains]",
            MH_STATE,
                "[districts, forecast_backtest, movement_requests, od_flows, quarantine_plan,"
                    + " registration_rejects, registrations, return_forecast, state_daily, states]",
            PUNE_DISTRICT,
                "[districts, forecast_backtest, movement_requests, od_flows, quarantine_plan,"
                    + " registrations, return_forecast, sms_outbox, state_daily, states]",
            RAILWAYS,
                "[districts, epasses, forecast_backtest, manifests, movement_requests, od_flows,"
                    + " quarantine_plan, registrations, request_events, return_forecast, state_daily,"
                    + " states, trains]",
            HEALTH,
                "[districts, epasses, forecast_backtest, manifests, movement_requests, od_flows,"
                    + " quarantine_plan, registrations, request_events, return_forecast, state_daily,"
                    + " states, trains]",
            AUDITOR,
                "[audit_log, districts, epasses, forecast_backtest, manifests, movement_requests, od_flows,"
                    + " quarantine_plan, registration_rejects, registrations, request_events,"
                    + " return_forecast, sms_events, sms_outbox, state_daily, states, trains]");
    readable.forEach(
        (caller, tables) -> {
          Set<String> readableTables = new TreeSet<>();
          for (CatalogTable table : WarehouseFixtures.CATALOG.tables()) {
            try {
              governed.prepare("SELECT count(*) FROM " + table.name(), caller, 10);
              readableTables.add(table.name());
            } catch (SqlRejectedException e) {
              assertEquals(SqlError.UNKNOWN_TABLE, e.error());
            }
          }
          assertEquals(tables, readableTables.toString(), caller.label());
          // What the SQL console lists is what prepare lets through.
          assertEquals(
              tables,
              governed.readable(caller.role()).stream()
                  .map(ReadableTable::name)
                  .toList()
                  .toString(),
              caller.label());
        });
  }

  /** On Spark: an SMS body never comes out, and a district sees only its own numbers. */
  @Test
  void smsBodiesStayHiddenOnSpark() {
    assertEquals(
        "[[+919876500001, null]]",
        run("SELECT mobile, body FROM sms_outbox", PUNE_DISTRICT).toString());
    assertEquals(
        "[[0]]",
        run("SELECT count(*) FROM sms_outbox WHERE body LIKE '%CANARY%'", MINISTRY).toString());
  }

  @Test
  void pathBasedLocationsWorkToo() {
    GovernedSql byPath =
        GovernedSql.create(
            WarehouseFixtures.CATALOG,
            POLICY,
            TableLocator.deltaPaths(warehouse.toUri().toString()));
    GovernedQuery q =
        byPath.prepare("SELECT count(*), max(mobile) FROM registrations", MINISTRY, 10);
    assertEquals("[[6, +91XXXXXX0006]]", rows(spark.sql(q.sparkSql()).collectAsList()).toString());
  }

  @Test
  void aResultOverTheLimitFailsLoudly() {
    GovernedQuery q = governed.prepare("SELECT * FROM registrations", MINISTRY, 5);
    List<Row> fetched = spark.sql(q.sparkSql()).collectAsList();
    assertEquals(6, fetched.size());
    SqlRejectedException e =
        assertThrows(SqlRejectedException.class, () -> q.requireWithinLimit(fetched.size()));
    assertEquals(SqlError.ROW_LIMIT_EXCEEDED, e.error());

    GovernedQuery ordered =
        governed.prepare(
            "SELECT person_id FROM registrations ORDER BY person_id DESC LIMIT 3", MINISTRY, 5);
    List<List<Object>> three = rows(spark.sql(ordered.sparkSql()).collectAsList());
    ordered.requireWithinLimit(three.size());
    assertEquals("[[P6], [P5], [P4]]", three.toString());
  }

  Stream<BypassCorpus.Attempt> stateCorpus() {
    return BypassCorpus.asMaharashtraState().stream();
  }

  Stream<BypassCorpus.Attempt> ministryCorpus() {
    return BypassCorpus.asMinistry().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stateCorpus")
  void bypassAttemptsOfAStateUserLeakNothing(BypassCorpus.Attempt attempt) {
    attempt(attempt, MH_STATE, BypassCorpus.FORBIDDEN_FOR_MH_STATE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ministryCorpus")
  void maskedColumnsCannotBeInferred(BypassCorpus.Attempt attempt) {
    attempt(attempt, MINISTRY, BypassCorpus.FORBIDDEN_FOR_MINISTRY);
  }

  private void attempt(BypassCorpus.Attempt attempt, AccessScope caller, List<String> forbidden) {
    String sql = attempt.sql(warehouse.toUri().getPath());
    if (attempt.rejectedWith() != null) {
      SqlRejectedException e =
          assertThrows(SqlRejectedException.class, () -> governed.prepare(sql, caller, 100));
      assertEquals(attempt.rejectedWith(), e.error(), e.getMessage());
      return;
    }
    List<List<Object>> rows = run(sql, caller);
    assertLeaksNone(rows, forbidden, sql);
    if (attempt.expectedRows() != null) {
      assertEquals(attempt.expectedRows(), rows.toString(), sql);
    }
  }

  private List<List<Object>> run(String sql, AccessScope caller) {
    GovernedQuery q = governed.prepare(sql, caller, 100);
    List<Row> rows = spark.sql(q.sparkSql()).collectAsList();
    q.requireWithinLimit(rows.size());
    return rows(rows);
  }

  private static List<List<Object>> rows(List<Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row row : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        values.add(SparkFixtures.plain(row.get(i)));
      }
      out.add(values);
    }
    return out;
  }

  private static List<String> sorted(List<List<Object>> rows) {
    return rows.stream().map(Object::toString).sorted(Comparator.naturalOrder()).toList();
  }

  private static void assertLeaksNone(List<List<Object>> rows, List<String> forbidden, String sql) {
    String text = rows.toString();
    Optional<String> leaked = forbidden.stream().filter(text::contains).findFirst();
    assertFalse(
        leaked.isPresent(), () -> "leaked " + leaked.get() + " through: " + sql + " -> " + text);
  }
}
