package org.nmis.governance.sql;

import java.util.Optional;

/**
 * Governed SQL refused the request. {@link #detail()} says what is wrong, why and how to fix it;
 * {@link #error()} gives the stable code. Nothing in the message reveals data or tables the caller
 * may not read.
 */
public final class SqlRejectedException extends RuntimeException {
  private final SqlError error;
  private final String detail;
  private final transient SqlPosition position;

  SqlRejectedException(SqlError error, String detail, SqlPosition position) {
    super(error.code() + ": " + detail);
    this.error = error;
    this.detail = detail;
    this.position = position;
  }

  SqlRejectedException(SqlError error, String detail) {
    this(error, detail, null);
  }

  public SqlError error() {
    return error;
  }

  public String detail() {
    return detail;
  }

  /** Where in the SQL the problem is, when known (always for syntax errors). */
  public Optional<SqlPosition> position() {
    return Optional.ofNullable(position);
  }
}
