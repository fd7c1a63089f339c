package org.nmis.governance.testing;

import java.util.ArrayList;
import java.util.List;
import org.nmis.governance.sql.SqlError;

/**
 * Attempts to read more than the policy allows. {@link #asMaharashtraState()} tries to reach other
 * states' rows, unreadable tables, files and commands; {@link #asMinistry()} tries to infer masked
 * columns. Each attempt either is refused with a given code, or runs and must return nothing
 * forbidden (checked on real Spark by GovernedSqlOnSparkTest, and without Spark by
 * BypassCorpusTest). {@code <warehouse>} stands for the directory that holds the Delta tables.
 */
public final class BypassCorpus {
  /**
   * One attempt: refused with {@code rejectedWith}, or (when that is null) runs, optionally with
   * known rows.
   */
  public record Attempt(String name, String sql, SqlError rejectedWith, String expectedRows) {
    public String sql(String warehouse) {
      return sql.replace("<warehouse>", warehouse);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Values a Maharashtra STATE user must never receive: other states' people, tokens, hashes, raw
   * payloads.
   */
  public static final List<String> FORBIDDEN_FOR_MH_STATE =
      List.of(
          "P5",
          "P6",
          "Kiran",
          "Meena",
          "+919876500005",
          "+919876500006",
          "TOKEN-CANARY",
          "HASH-CANARY",
          "RAW-CANARY",
          "AUDIT-CANARY",
          "Reject Canary UP",
          "REJECT-CANARY-MALFORMED",
          "ERROR-VALUE-CANARY-2",
          "ERROR-VALUE-CANARY-3");

  /**
   * Values a MINISTRY user must never receive: names, full mobile numbers, record IDs, tokens,
   * payloads.
   */
  public static final List<String> FORBIDDEN_FOR_MINISTRY =
      List.of(
          "Ram Kumar",
          "Sita",
          "Asha",
          "Ravi",
          "Kiran",
          "Meena",
          "+9198765",
          "-REC-",
          "TOKEN-CANARY",
          "HASH-CANARY",
          "RAW-CANARY",
          "AUDIT-CANARY",
          "Reject Canary",
          "REJECT-CANARY",
          "ERROR-VALUE-CANARY");

  private static final List<Attempt> ALL = new ArrayList<>();
  private static final List<Attempt> MINISTRY =
      List.of(
          new Attempt(
              "predicate on a hidden name",
              "SELECT count(*) FROM registrations WHERE name = 'Ram Kumar'",
              null,
              "[[0]]"),
          new Attempt(
              "prefix of a masked mobile",
              "SELECT count(*) FROM registrations WHERE mobile LIKE '+9198765%'",
              null,
              "[[0]]"),
          new Attempt(
              "masked mobile as it is shown",
              "SELECT mobile FROM registrations WHERE person_id = 'P1'",
              null,
              "[[+91XXXXXX0001]]"),
          new Attempt(
              "join on a hidden name",
              "SELECT count(*) FROM registrations a JOIN registrations b " + "ON a.name = b.name",
              null,
              "[[0]]"),
          new Attempt(
              "length of a hidden name",
              "SELECT max(length(name)) FROM registrations",
              null,
              "[[null]]"),
          new Attempt(
              "token through a CTE",
              "WITH t AS (SELECT aadhaar_token AS x FROM registrations) "
                  + "SELECT count(x) FROM t",
              null,
              "[[0]]"),
          new Attempt(
              "record IDs through GROUP BY",
              "SELECT source_record_id, count(*) FROM registrations GROUP BY 1",
              null,
              "[[null, 6]]"),
          new Attempt(
              "reject payloads",
              "SELECT count(payload), count(errors), count(*) FROM registration_rejects",
              null,
              "[[0, 0, 3]]"));

  static {
    // Sub-queries, CTEs, set operations, joins.
    runs("plain select", "SELECT * FROM registrations");
    runs("count", "SELECT count(*) FROM registrations", "[[4]]");
    runs(
        "nested derived tables",
        "SELECT count(*) FROM (SELECT * FROM (SELECT person_id FROM registrations) a) b",
        "[[4]]");
    runs(
        "IN sub-query on another state",
        "SELECT person_id FROM registrations WHERE person_id IN "
            + "(SELECT person_id FROM registrations WHERE origin_state_code = 10)",
        "[]");
    runs(
        "EXISTS correlated",
        "SELECT count(*) FROM states s WHERE EXISTS (SELECT 1 FROM registrations r "
            + "WHERE r.origin_state_code = s.state_code AND r.origin_state_code = 10)",
        "[[0]]");
    runs(
        "scalar sub-query",
        "SELECT (SELECT max(mobile) FROM registrations WHERE origin_state_code = 10) AS m",
        "[[null]]");
    runs(
        "NOT IN anti-join",
        "SELECT count(*) FROM states WHERE state_code NOT IN "
            + "(SELECT origin_state_code FROM registrations)",
        "[[1]]");
    runs("CTE", "WITH x AS (SELECT * FROM registrations) SELECT * FROM x");
    runs(
        "CTE shadowing its table",
        "WITH registrations AS (SELECT * FROM registrations) "
            + "SELECT count(*) FROM registrations",
        "[[4]]");
    runs(
        "CTE named like another table",
        "WITH states AS (SELECT * FROM registrations) SELECT count(*) FROM states",
        "[[4]]");
    runs(
        "CTE named like an unreadable table",
        "WITH registrations_raw AS (SELECT * FROM registrations) "
            + "SELECT count(*) FROM registrations_raw",
        "[[4]]");
    runs(
        "nested CTEs shadowing",
        "WITH a AS (SELECT * FROM registrations) SELECT count(*) FROM "
            + "(WITH a AS (SELECT * FROM a WHERE age > 0) SELECT * FROM a) t",
        "[[4]]");
    runs(
        "CTE referenced in a sub-query",
        "WITH r AS (SELECT * FROM registrations) "
            + "SELECT count(*) FROM states WHERE state_code IN (SELECT destination_state_code FROM r)",
        "[[3]]");
    runs(
        "UNION ALL",
        "SELECT person_id, name FROM registrations UNION ALL SELECT person_id, name FROM registrations");
    runs(
        "UNION with reference data",
        "SELECT name FROM registrations UNION SELECT state_name FROM states");
    runs(
        "INTERSECT and EXCEPT",
        "SELECT person_id FROM registrations EXCEPT SELECT person_id FROM registrations "
            + "WHERE origin_state_code = 9 INTERSECT SELECT person_id FROM registrations");
    runs(
        "self-join on anything",
        "SELECT a.person_id, b.mobile FROM registrations a JOIN registrations b ON 1 = 1");
    runs(
        "full outer self-join",
        "SELECT count(*) FROM registrations a FULL OUTER JOIN registrations b "
            + "ON a.person_id = b.person_id",
        "[[4]]");
    runs(
        "aggregate over other states",
        "SELECT origin_state_code, count(*) FROM registrations "
            + "GROUP BY origin_state_code ORDER BY 1",
        "[[9, 1], [27, 3]]");
    runs(
        "window over everything",
        "SELECT person_id, count(*) OVER () FROM registrations ORDER BY 1",
        "[[P1, 4], [P2, 4], [P3, 4], [P4, 4]]");
    rejected(
        "recursive CTE",
        "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) "
            + "SELECT * FROM r",
        SqlError.UNSUPPORTED);
    rejected(
        "CTE used before it is defined",
        "WITH a AS (SELECT * FROM b), b AS (SELECT * FROM registrations) " + "SELECT * FROM a",
        SqlError.UNKNOWN_TABLE);
    rejected(
        "union with an unreadable table",
        "SELECT name FROM registrations UNION SELECT payload " + "FROM registrations_raw",
        SqlError.UNKNOWN_TABLE);
    rejected(
        "audit log from a sub-query",
        "SELECT * FROM states WHERE state_code IN " + "(SELECT state_code FROM audit_log)",
        SqlError.UNKNOWN_TABLE);
    rejected(
        "VALUES joined to an unreadable table",
        "SELECT * FROM (VALUES (1)) v(x), registrations_raw",
        SqlError.UNKNOWN_TABLE);

    // Comments.
    runs(
        "line comment hides the rest",
        "SELECT count(*) FROM registrations -- WHERE 1 = 1 OR origin_state_code <> 27",
        "[[4]]");
    runs(
        "block comments",
        "SELECT count(*) /* all */ FROM /* raw */ registrations /* WHERE 1 = 1 */",
        "[[4]]");
    runs(
        "comment then a second statement",
        "SELECT count(*) FROM registrations --; DROP TABLE registrations",
        "[[4]]");
    runs("trailing semicolon", "SELECT count(*) FROM registrations;", "[[4]]");
    rejected(
        "query hint", "SELECT /*+ REPARTITION(1000) */ * FROM registrations", SqlError.UNSUPPORTED);
    rejected("table hint", "SELECT * FROM registrations /*+ INDEX(x) */", SqlError.UNSUPPORTED);

    // Quoting and case.
    runs("upper case", "SELECT COUNT(*) FROM REGISTRATIONS", "[[4]]");
    runs("back-ticks", "SELECT count(*) FROM `registrations`", "[[4]]");
    runs("mixed case in back-ticks", "SELECT count(*) FROM `ReGiStRaTiOnS`", "[[4]]");
    runs(
        "alias named like the raw table",
        "SELECT count(*) FROM registrations AS registrations_raw",
        "[[4]]");
    runs(
        "literal that escapes its quote",
        "SELECT 'x\\' UNION SELECT payload FROM registrations_raw --' AS a "
            + "FROM states LIMIT 1",
        "[[x' UNION SELECT payload FROM registrations_raw --]]");
    runs(
        "backslash before the closing quote",
        "SELECT 'x\\\\' AS a, count(*) FROM registrations GROUP BY 1");
    runs(
        "double-quoted literal",
        "SELECT \"x\\\" FROM registrations_raw --\" AS a FROM states LIMIT 1",
        "[[x\" FROM registrations_raw --]]");
    runs(
        "variable substitution in a literal",
        "SELECT '${spark.app.name}${env:HOME}' AS a",
        "[[${spark.app.name}${env:HOME}]]");
    runs("unicode escape in a literal", "SELECT '\\u0024{env:HOME}' AS a FROM states LIMIT 1");
    rejected("variable substitution in a name", "SELECT 1 AS `${env:HOME}`", SqlError.UNSUPPORTED);
    rejected(
        "raw table in back-ticks", "SELECT * FROM `registrations_raw`", SqlError.UNKNOWN_TABLE);
    rejected("database-qualified", "SELECT * FROM `default`.registrations", SqlError.UNKNOWN_TABLE);
    rejected(
        "catalog-qualified",
        "SELECT * FROM spark_catalog.`default`.registrations",
        SqlError.UNKNOWN_TABLE);
    rejected(
        "dots inside back-ticks",
        "SELECT * FROM `spark_catalog.default.registrations`",
        SqlError.UNKNOWN_TABLE);
    rejected("Cyrillic lookalike letter", "SELECT * FROM regіstrations", SqlError.UNKNOWN_TABLE);
    rejected("zero-width space", "SELECT * FROM `registrations\u200B_raw`", SqlError.UNKNOWN_TABLE);
    rejected("dotted capital I", "SELECT * FROM REGİSTRATİONS_RAW", SqlError.UNKNOWN_TABLE);
    rejected("full-width keywords", "ＳＥＬＥＣＴ * FROM registrations", SqlError.NOT_A_QUERY);
    rejected(
        "hidden column of the located table",
        "SELECT _metadata FROM registrations",
        SqlError.UNKNOWN_COLUMN);

    // Time travel.
    rejected("VERSION AS OF", "SELECT * FROM registrations VERSION AS OF 0", SqlError.TIME_TRAVEL);
    rejected(
        "TIMESTAMP AS OF",
        "SELECT * FROM registrations TIMESTAMP AS OF '2020-01-01'",
        SqlError.TIME_TRAVEL);
    rejected(
        "FOR SYSTEM_TIME AS OF",
        "SELECT * FROM registrations FOR SYSTEM_TIME AS OF " + "TIMESTAMP '2020-01-01 00:00:00'",
        SqlError.TIME_TRAVEL);
    rejected("Delta @v syntax", "SELECT * FROM registrations@v0", SqlError.SYNTAX);
    rejected(
        "change feed", "SELECT * FROM table_changes('registrations', 0)", SqlError.UNSUPPORTED);

    // Files by path.
    rejected(
        "delta path", "SELECT * FROM delta.`<warehouse>/registrations`", SqlError.UNKNOWN_TABLE);
    rejected(
        "parquet path",
        "SELECT * FROM parquet.`<warehouse>/registrations`",
        SqlError.UNKNOWN_TABLE);
    rejected("json path", "SELECT * FROM json.`/etc/passwd`", SqlError.UNKNOWN_TABLE);
    rejected(
        "read_files",
        "SELECT * FROM read_files('<warehouse>/registrations')",
        SqlError.UNSUPPORTED);
    rejected(
        "TABLE function",
        "SELECT * FROM TABLE(read_files('<warehouse>/registrations'))",
        SqlError.UNSUPPORTED);
    rejected(
        "input_file_name",
        "SELECT input_file_name() FROM registrations",
        SqlError.UNKNOWN_FUNCTION);
    rejected(
        "reflect",
        "SELECT reflect('java.lang.System', 'getenv', 'HOME')",
        SqlError.UNKNOWN_FUNCTION);
    rejected(
        "java_method",
        "SELECT java_method('java.lang.System', 'getProperty', 'user.home')",
        SqlError.UNKNOWN_FUNCTION);
    rejected(
        "LATERAL",
        "SELECT * FROM states, LATERAL (SELECT * FROM registrations_raw)",
        SqlError.UNSUPPORTED);
    rejected(
        "UNNEST",
        "SELECT * FROM registration_rejects, UNNEST(error_codes) AS u(c)",
        SqlError.UNSUPPORTED);
    rejected("TABLE shorthand", "TABLE registrations", SqlError.UNSUPPORTED);
    rejected("parameter marker", "SELECT * FROM registrations WHERE age > ?", SqlError.UNSUPPORTED);

    // Errors as an oracle: Spark filters rows before the caller's predicate can fail on them.
    runs(
        "error oracle on another state's mobile",
        "SELECT count(*) FROM registrations "
            + "WHERE CASE WHEN mobile = '+919876500005' THEN 1 / 0 ELSE 1 END = 1",
        "[[4]]");

    // Several statements.
    rejected("two queries", "SELECT 1; SELECT 2", SqlError.MULTIPLE_STATEMENTS);
    rejected(
        "query then DROP",
        "SELECT * FROM registrations; DROP TABLE registrations",
        SqlError.MULTIPLE_STATEMENTS);
    rejected(
        "query then comment then INSERT",
        "SELECT 1; /* x */ INSERT INTO states VALUES (1, 'a', 'b', 'c')",
        SqlError.MULTIPLE_STATEMENTS);

    // DDL, DML and commands of every kind.
    for (String statement :
        List.of(
            "CREATE TABLE x AS SELECT * FROM registrations_raw",
            "CREATE OR REPLACE TEMPORARY VIEW registrations AS SELECT * FROM registrations_raw",
            "CREATE VIEW v AS SELECT 1",
            "CREATE FUNCTION f AS 'x.Y'",
            "DROP TABLE registrations",
            "DROP VIEW IF EXISTS v",
            "ALTER TABLE registrations SET TBLPROPERTIES ('delta.appendOnly' = 'false')",
            "ALTER TABLE registrations ADD COLUMNS (x INT)",
            "INSERT INTO states VALUES (1, 'a', 'b', 'c')",
            "INSERT OVERWRITE TABLE states SELECT * FROM states",
            "UPDATE registrations SET name = 'x'",
            "DELETE FROM registrations",
            "MERGE INTO states s USING states t ON s.state_code = t.state_code WHEN MATCHED THEN DELETE",
            "TRUNCATE TABLE registrations",
            "COPY INTO registrations FROM '/tmp/x' FILEFORMAT = CSV",
            "LOAD DATA INPATH '/tmp/x' INTO TABLE states",
            "SET spark.sql.variable.substitute = true",
            "SET x = 1",
            "RESET",
            "USE other_database",
            "CALL sys.rollback_to_snapshot('registrations', 1)",
            "EXPLAIN SELECT * FROM registrations_raw",
            "EXPLAIN PLAN FOR SELECT 1",
            "DESCRIBE registrations_raw",
            "SHOW TABLES",
            "GRANT SELECT ON registrations_raw TO everyone",
            "REVOKE SELECT ON registrations FROM someone",
            "CACHE TABLE registrations_raw",
            "REFRESH TABLE registrations",
            "MSCK REPAIR TABLE registrations",
            "ADD JAR /tmp/evil.jar",
            "OPTIMIZE registrations",
            "VACUUM registrations RETAIN 0 HOURS",
            "RESTORE TABLE registrations TO VERSION AS OF 0",
            "CONVERT TO DELTA parquet.`/tmp/x`",
            "DECLARE VARIABLE v INT",
            "EXECUTE IMMEDIATE 'SELECT * FROM registrations_raw'")) {
      rejected(statement.split(" ")[0] + ": " + statement, statement, SqlError.NOT_A_QUERY);
    }
  }

  private BypassCorpus() {}

  public static List<Attempt> asMaharashtraState() {
    return List.copyOf(ALL);
  }

  public static List<Attempt> asMinistry() {
    return MINISTRY;
  }

  private static void runs(String name, String sql) {
    ALL.add(new Attempt(name, sql, null, null));
  }

  private static void runs(String name, String sql, String expectedRows) {
    ALL.add(new Attempt(name, sql, null, expectedRows));
  }

  private static void rejected(String name, String sql, SqlError code) {
    ALL.add(new Attempt(name, sql, code, null));
  }
}
