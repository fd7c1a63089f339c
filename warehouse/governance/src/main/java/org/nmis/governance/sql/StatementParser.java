package org.nmis.governance.sql;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.config.CharLiteralStyle;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Parses the caller's text with Spark-like lexical rules and lets exactly one query through:
 * SELECT, WITH, VALUES, set operations, ORDER BY / LIMIT / OFFSET. Every other statement, and more
 * than one statement, is refused.
 */
final class StatementParser {
  static final int MAX_SQL_CHARS = 100_000;

  /**
   * Back-ticks quote names; strings take 'single' or "double" quotes with backslash escapes; names
   * keep their case and match case-insensitively. These are Spark's rules, except that a back-tick
   * inside a quoted name is written \` (Spark: ``).
   */
  static final SqlParser.Config CONFIG =
      SqlParser.config()
          .withQuoting(Quoting.BACK_TICK_BACKSLASH)
          .withCharLiteralStyles(EnumSet.of(CharLiteralStyle.BQ_SINGLE, CharLiteralStyle.BQ_DOUBLE))
          .withUnquotedCasing(Casing.UNCHANGED)
          .withQuotedCasing(Casing.UNCHANGED)
          .withCaseSensitive(false)
          .withConformance(SqlConformanceEnum.LENIENT);

  private static final Set<SqlKind> QUERIES =
      EnumSet.of(
          SqlKind.SELECT,
          SqlKind.WITH,
          SqlKind.VALUES,
          SqlKind.UNION,
          SqlKind.INTERSECT,
          SqlKind.EXCEPT,
          SqlKind.ORDER_BY,
          SqlKind.EXPLICIT_TABLE);
  private static final Set<String> QUERY_WORDS = Set.of("SELECT", "WITH", "VALUES", "TABLE");
  private static final Pattern TIME_TRAVEL =
      Pattern.compile("(?i)\\b(VERSION|TIMESTAMP)\\s+AS\\s+OF\\b");

  private StatementParser() {}

  /** The one query in {@code sql}, as a fresh parse tree the caller may change. */
  static SqlNode parseQuery(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlRejectedException(
          SqlError.EMPTY, "the request has no SQL; send one SELECT query");
    }
    if (sql.length() > MAX_SQL_CHARS) {
      throw new SqlRejectedException(
          SqlError.TOO_LONG,
          "the SQL has "
              + sql.length()
              + " characters, more than "
              + "the "
              + MAX_SQL_CHARS
              + " allowed; shorten the query");
    }
    SqlNodeList statements;
    try {
      statements = SqlParser.create(sql, CONFIG).parseStmtList();
    } catch (SqlParseException e) {
      throw explain(sql, e);
    }
    if (statements.isEmpty()) {
      throw new SqlRejectedException(
          SqlError.EMPTY, "the request has no SQL statement; send one SELECT query");
    }
    if (statements.size() > 1) {
      throw severalStatements(statements.get(1).getParserPosition());
    }
    SqlNode statement = statements.get(0);
    if (!QUERIES.contains(statement.getKind())) {
      throw new SqlRejectedException(
          SqlError.NOT_A_QUERY,
          "the statement is "
              + describe(statement.getKind())
              + ", but only queries (SELECT, WITH ... SELECT) may run here; the warehouse is read-only to SQL",
          position(statement.getParserPosition()));
    }
    return statement;
  }

  private static SqlRejectedException explain(String sql, SqlParseException e) {
    SqlPosition at = position(e.getPos());
    if (StatementScanner.hasSeveralStatements(sql)) {
      return severalStatements(null);
    }
    String word = StatementScanner.firstWord(sql);
    if (!QUERY_WORDS.contains(word)) {
      return new SqlRejectedException(
          SqlError.NOT_A_QUERY,
          "the statement starts with "
              + (word.isEmpty() ? "no keyword" : word)
              + ", but only queries (SELECT, WITH ... SELECT) may run here; "
              + "DDL, DML, SET, USE, CALL and other commands are refused",
          at);
    }
    if (TIME_TRAVEL.matcher(sql).find()) {
      return new SqlRejectedException(
          SqlError.TIME_TRAVEL,
          "the query asks for an earlier version of a table "
              + "(VERSION AS OF / TIMESTAMP AS OF); governed SQL reads the current version only. Remove the clause",
          at);
    }
    String message =
        e.getMessage() == null
            ? ""
            : e.getMessage().lines().findFirst().orElse("").replaceAll("\\.+$", "");
    return new SqlRejectedException(
        SqlError.SYNTAX,
        "syntax error"
            + (at == null ? "" : " at " + at)
            + ": "
            + message
            + ". Names are quoted with back-ticks (`month`), strings with single quotes; reserved words "
            + "such as date, month and year must be quoted when used as names",
        at);
  }

  private static SqlRejectedException severalStatements(SqlParserPos second) {
    return new SqlRejectedException(
        SqlError.MULTIPLE_STATEMENTS,
        "the request holds more than one statement; "
            + "send exactly one query per request (a single trailing semicolon is fine)",
        position(second));
  }

  private static String describe(SqlKind kind) {
    return switch (kind) {
      case INSERT, UPDATE, DELETE, MERGE -> "a write (" + kind + ")";
      case EXPLAIN -> "EXPLAIN";
      case SET_OPTION -> "SET / RESET";
      default -> kind.toString().replace('_', ' ');
    };
  }

  static SqlPosition position(SqlParserPos pos) {
    return pos == null || pos.getLineNum() <= 0
        ? null
        : new SqlPosition(pos.getLineNum(), pos.getColumnNum());
  }
}
