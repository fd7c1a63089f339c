package org.nmis.governance.sql;

import org.nmis.model.errors.ProblemType;

/**
 * Why governed SQL refused or failed a request. Codes are stable: clients and docs may rely on
 * them. The first twelve come from parsing and checking the query; the others from running it.
 */
public enum SqlError implements ProblemType {
  SYNTAX("NMIS-SQL-001", "SQL syntax error"),
  NOT_A_QUERY("NMIS-SQL-002", "Only queries are allowed"),
  MULTIPLE_STATEMENTS("NMIS-SQL-003", "One statement per request"),
  UNKNOWN_TABLE("NMIS-SQL-004", "Unknown table"),
  UNKNOWN_COLUMN("NMIS-SQL-005", "Unknown column"),
  UNKNOWN_FUNCTION("NMIS-SQL-006", "Unknown function"),
  UNSUPPORTED("NMIS-SQL-007", "Unsupported SQL"),
  TIME_TRAVEL("NMIS-SQL-008", "Time travel is not allowed"),
  INVALID("NMIS-SQL-009", "Invalid query"),
  ROW_LIMIT_EXCEEDED("NMIS-SQL-010", "Result over the row limit"),
  EMPTY("NMIS-SQL-011", "No SQL"),
  TOO_LONG("NMIS-SQL-012", "SQL too long"),
  UNKNOWN_FORMAT("NMIS-SQL-013", "Unknown answer format"),
  TOO_MANY_QUERIES("NMIS-SQL-014", "Too many queries at once", 429),
  QUERY_TIMEOUT("NMIS-SQL-015", "Query timed out", 504),
  QUERY_FAILED("NMIS-SQL-016", "Spark could not run the query");

  private final String code;
  private final String title;
  private final int httpStatus;

  SqlError(String code, String title) {
    this(code, title, 400);
  }

  SqlError(String code, String title, int httpStatus) {
    this.code = code;
    this.title = title;
    this.httpStatus = httpStatus;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  /** A short summary, for the title of a problem body. */
  @Override
  public String title() {
    return title;
  }
}
