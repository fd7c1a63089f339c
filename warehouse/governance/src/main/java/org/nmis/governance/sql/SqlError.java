package org.nmis.governance.sql;

/** Why governed SQL refused a request. Codes are stable: clients and docs may rely on them. */
public enum SqlError {
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
  TOO_LONG("NMIS-SQL-012", "SQL too long");

  private final String code;
  private final String title;

  SqlError(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  /** A short summary, for the title of a problem body. */
  public String title() {
    return title;
  }
}
