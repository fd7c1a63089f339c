package org.nmis.governance.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.governance.testing.WarehouseFixtures.AUDITOR;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE_DISTRICT;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.testing.WarehouseFixtures;

/** Parsing, validation, rewriting and the error codes, without Spark. */
class GovernedSqlTest {
  private static final GovernedSql GOVERNED =
      GovernedSql.create(
          WarehouseFixtures.CATALOG,
          AccessPolicies.standard(),
          TableLocator.inCatalog("spark_catalog", "default"));

  private static SqlRejectedException rejected(String sql) {
    return assertThrows(SqlRejectedException.class, () -> GOVERNED.prepare(sql, MH_STATE, 100));
  }

  @Test
  void syntaxErrorsSayWhere() {
    SqlRejectedException e = rejected("SELECT person_id\nFROM registrations\nWHERE age >");
    assertEquals(SqlError.SYNTAX, e.error());
    assertEquals(new SqlPosition(3, 11), e.position().orElseThrow());
    assertTrue(
        e.getMessage().startsWith("NMIS-SQL-001: syntax error at line 3, column 11"),
        e.getMessage());
  }

  @Test
  void unknownTablesColumnsAndFunctionsAreNamed() {
    SqlRejectedException table = rejected("SELECT * FROM registration");
    assertEquals(SqlError.UNKNOWN_TABLE, table.error());
    assertEquals(new SqlPosition(1, 15), table.position().orElseThrow());
    assertTrue(
        table
            .detail()
            .contains(
                "Tables STATE can read: districts, forecast_backtest, movement_requests, od_flows, "
                    + "quarantine_plan, registration_rejects, registrations, return_forecast, "
                    + "state_daily, states"),
        table.detail());

    SqlRejectedException column = rejected("SELECT nme FROM registrations");
    assertEquals(SqlError.UNKNOWN_COLUMN, column.error());
    assertEquals(new SqlPosition(1, 8), column.position().orElseThrow());
    assertTrue(column.detail().contains("'nme'"), column.detail());

    assertEquals(
        SqlError.UNKNOWN_FUNCTION, rejected("SELECT input_file_name() FROM states").error());
    assertEquals(
        SqlError.INVALID,
        rejected("SELECT name + 1 FROM registrations WHERE age = 'x' AND age").error());
  }

  @Test
  void anUnreadableTableLooksExactlyLikeAMissingOne() {
    String missing = rejected("SELECT * FROM no_such_table").detail();
    String unreadable = rejected("SELECT * FROM audit_log").detail();
    assertEquals(missing.replace("no_such_table", "audit_log"), unreadable);
  }

  @Test
  void emptyAndOversizedRequestsAreRefused() {
    assertEquals(SqlError.EMPTY, rejected("  -- nothing\n").error());
    assertEquals(SqlError.EMPTY, rejected("").error());
    assertEquals(
        SqlError.TOO_LONG,
        rejected("SELECT 1" + " ".repeat(StatementParser.MAX_SQL_CHARS)).error());
    assertThrows(IllegalArgumentException.class, () -> GOVERNED.prepare("SELECT 1", MH_STATE, 0));
    assertThrows(IllegalArgumentException.class, () -> GOVERNED.prepare("SELECT 1", null, 10));
  }

  @Test
  void everyTableReferenceBecomesAPolicyView() {
    String sql =
        GOVERNED
            .prepare(
                "SELECT r.mobile FROM registrations r JOIN districts d "
                    + "ON r.origin_district_code = d.district_code WHERE r.person_id IN (SELECT person_id FROM registrations)",
                MINISTRY,
                100)
            .sparkSql();
    assertEquals(2, count(sql, "FROM `spark_catalog`.`default`.`registrations`"));
    assertEquals(1, count(sql, "FROM `spark_catalog`.`default`.`districts`"));
    assertEquals(3, count(sql, "FROM `spark_catalog`"), "no other table is read: " + sql);
    assertTrue(sql.contains("'+91XXXXXX' || RIGHT(`mobile`, 4) `mobile`"), sql);
    assertTrue(sql.contains("CAST(NULL AS STRING) `name`"), sql);
  }

  @Test
  void rowFiltersFollowTheCaller() {
    assertTrue(
        GOVERNED
            .prepare("SELECT * FROM registrations", MH_STATE, 10)
            .sparkSql()
            .contains("WHERE `origin_state_code` = 27 OR `destination_state_code` = 27)"));
    assertTrue(
        GOVERNED
            .prepare("SELECT * FROM registrations", PUNE_DISTRICT, 10)
            .sparkSql()
            .contains("WHERE `origin_district_code` = 490 OR `destination_district_code` = 490)"));
    assertFalse(
        GOVERNED.prepare("SELECT * FROM registrations", AUDITOR, 10).sparkSql().contains("WHERE"));
  }

  @Test
  void ctesAreRenamedSoThatOnlyTheirReferencesReachThem() {
    String sql =
        GOVERNED
            .prepare(
                "WITH registrations AS (SELECT person_id FROM registrations), "
                    + "x AS (SELECT * FROM registrations) SELECT x.person_id FROM x JOIN registrations USING (person_id)",
                MH_STATE,
                10)
            .sparkSql()
            .replace('\n', ' ');
    assertEquals(1, count(sql, "FROM `spark_catalog`"), sql);
    assertTrue(sql.startsWith("WITH `nmis_cte_1` AS (SELECT `person_id` FROM (SELECT "), sql);
    assertTrue(sql.contains("`nmis_cte_2` AS (SELECT * FROM `nmis_cte_1` `registrations`)"), sql);
    assertTrue(
        sql.contains(
            "FROM `nmis_cte_2` `x` INNER JOIN `nmis_cte_1` `registrations` USING (`person_id`)"),
        sql);
  }

  @Test
  void theRowLimitKeepsASmallerLimitAndOrder() {
    assertTrue(
        GOVERNED.prepare("SELECT * FROM states", MH_STATE, 100).sparkSql().endsWith("LIMIT 101"));
    String ordered =
        GOVERNED
            .prepare("SELECT * FROM states ORDER BY state_name LIMIT 5 OFFSET 1", MH_STATE, 100)
            .sparkSql();
    assertTrue(ordered.endsWith("ORDER BY `state_name`\nLIMIT 5\nOFFSET 1"), ordered);
    assertTrue(
        GOVERNED
            .prepare("SELECT * FROM states ORDER BY 1 LIMIT 500", MH_STATE, 100)
            .sparkSql()
            .endsWith("ORDER BY 1\nLIMIT 101"));
    assertTrue(
        GOVERNED
            .prepare("SELECT 1 UNION SELECT 2", MH_STATE, 100)
            .sparkSql()
            .endsWith("LIMIT 101"));
    GovernedQuery q = GOVERNED.prepare("SELECT * FROM states", MH_STATE, 100);
    assertEquals(101, q.fetchLimit());
    q.requireWithinLimit(100);
    assertEquals(
        SqlError.ROW_LIMIT_EXCEEDED,
        assertThrows(SqlRejectedException.class, () -> q.requireWithinLimit(101)).error());
  }

  @Test
  void namesAreBackQuotedAndLiteralsEscapedForSpark() {
    String sql =
        GOVERNED
            .prepare(
                "SELECT travel_date AS `month`, 'it\\'s $5 \\\\ ok', \"नाम\", "
                    + "CAST(state_code AS STRING), CAST(state_code AS VARCHAR) FROM state_daily",
                MH_STATE,
                10)
            .sparkSql();
    assertTrue(
        sql.startsWith(
            "SELECT `travel_date` `month`, 'it\\'s \\u00245 \\\\\\\\ ok', 'नाम', "
                + "CAST(`state_code` AS STRING), CAST(`state_code` AS STRING) FROM"),
        sql);
  }

  @Test
  void theResultDescribesColumnsAndTables() {
    GovernedQuery q =
        GOVERNED.prepare(
            "SELECT s.state_name, count(*) AS people FROM registrations r "
                + "JOIN states s ON r.origin_state_code = s.state_code GROUP BY s.state_name",
            MH_STATE,
            10);
    assertEquals(
        List.of(new OutputColumn("state_name", "VARCHAR"), new OutputColumn("people", "BIGINT")),
        q.columns());
    assertEquals(Set.of("registrations", "states"), q.tables());
  }

  @Test
  void createChecksThePolicyAndTheLocator() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                GovernedSql.create(
                    WarehouseFixtures.CATALOG, AccessPolicies.standard(), table -> List.of(table)));
    assertTrue(e.getMessage().startsWith("NMIS-SQL-901:"), e.getMessage());
  }

  @Test
  void oneInstanceServesManyThreads() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        boolean state = i % 2 == 0;
        results.add(
            pool.submit(
                () ->
                    GOVERNED
                        .prepare(
                            "SELECT count(*) FROM registrations WHERE age > 1",
                            state ? MH_STATE : MINISTRY,
                            10)
                        .sparkSql()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(i % 2 == 0, results.get(i).get().contains("= 27"));
      }
    } finally {
      pool.shutdown();
    }
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
