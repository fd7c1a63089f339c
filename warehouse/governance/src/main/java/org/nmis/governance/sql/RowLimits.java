package org.nmis.governance.sql;

import java.math.BigDecimal;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Caps the number of rows a query returns, keeping its ORDER BY, OFFSET and any smaller LIMIT of
 * its own.
 */
final class RowLimits {
  private RowLimits() {}

  static SqlNode cap(SqlNode query, long fetch) {
    SqlLiteral cap = SqlLiteral.createExactNumeric(Long.toString(fetch), SqlParserPos.ZERO);
    if (query instanceof SqlOrderBy orderBy) {
      boolean ownIsSmaller =
          orderBy.fetch instanceof SqlLiteral own
              && own.bigDecimalValue() != null
              && own.bigDecimalValue().compareTo(BigDecimal.valueOf(fetch)) <= 0;
      return ownIsSmaller
          ? orderBy
          : new SqlOrderBy(
              orderBy.getParserPosition(), orderBy.query, orderBy.orderList, orderBy.offset, cap);
    }
    return new SqlOrderBy(SqlParserPos.ZERO, query, SqlNodeList.EMPTY, null, cap);
  }
}
