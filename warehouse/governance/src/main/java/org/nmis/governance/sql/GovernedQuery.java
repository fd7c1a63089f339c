package org.nmis.governance.sql;

import java.util.List;
import java.util.Set;

/**
 * A query ready for Spark. {@code sparkSql} reads every table through the caller's policy view and
 * returns at most {@code rowLimit + 1} rows: the extra row tells the executor that the result is
 * over the limit, which {@link #requireWithinLimit} turns into an error instead of a silently
 * truncated answer.
 *
 * @param sparkSql the text to run with {@code spark.sql(...)}; never the caller's own text
 * @param columns the result's columns as validated
 * @param tables the catalog tables the query reads, for the audit trail
 * @param rowLimit the most rows the caller may receive
 */
public record GovernedQuery(
    String sparkSql, List<OutputColumn> columns, Set<String> tables, long rowLimit) {
  public GovernedQuery {
    columns = List.copyOf(columns);
    tables = Set.copyOf(tables);
  }

  /**
   * The most rows {@link #sparkSql} returns: one more than the limit, so that going over it is
   * detectable.
   */
  public long fetchLimit() {
    return rowLimit + 1;
  }

  /**
   * Throws {@link SqlError#ROW_LIMIT_EXCEEDED} if the executor fetched more rows than the caller
   * may receive.
   */
  public void requireWithinLimit(long rowsFetched) {
    if (rowsFetched > rowLimit) {
      throw new SqlRejectedException(
          SqlError.ROW_LIMIT_EXCEEDED,
          "the result has more than "
              + rowLimit
              + " rows, the row limit; nothing is returned rather than a truncated result. Aggregate, filter or add "
              + "LIMIT "
              + rowLimit
              + " (or less) to the query");
    }
  }
}
