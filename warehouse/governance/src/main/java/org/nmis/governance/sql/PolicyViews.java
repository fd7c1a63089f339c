package org.nmis.governance.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.policy.Mask;
import org.nmis.governance.policy.RowFilter;
import org.nmis.governance.policy.TableRule;
import org.nmis.model.access.AccessScope;

/**
 * The view of one table that one caller may read, as a sub-query: every column of the catalog table
 * under its own name, masked, from the located data, filtered by the row rule. The masks and
 * filters here are the SQL form of {@link Mask#apply} and {@link RowFilter#test}; tests check that
 * both give the same answers.
 */
final class PolicyViews {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private PolicyViews() {}

  static SqlSelect view(
      CatalogTable table, TableRule rule, AccessScope caller, List<String> located) {
    List<SqlNode> columns = new ArrayList<>(table.columns().size());
    for (CatalogColumn column : table.columns()) {
      columns.add(masked(column, rule.maskOf(column.name())));
    }
    return new SqlSelect(
        POS,
        null,
        new SqlNodeList(columns, POS),
        new SqlIdentifier(located, POS),
        filter(rule.rows(), caller),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static SqlNode masked(CatalogColumn column, Mask mask) {
    SqlIdentifier name = new SqlIdentifier(column.name(), POS);
    return switch (mask) {
      case CLEAR -> name;
      case HIDDEN ->
          as(
              SqlStdOperatorTable.CAST.createCall(
                  POS,
                  SqlLiteral.createNull(POS),
                  new SqlDataTypeSpec(
                      new SparkTypeSpec(SparkSqlWriter.typeName(column.type()), POS), POS)),
              name);
      case MOBILE_LAST4 ->
          as(
              SqlStdOperatorTable.CONCAT.createCall(
                  POS,
                  SqlLiteral.createCharString(Mask.MOBILE_PREFIX, POS),
                  SqlLibraryOperators.RIGHT.createCall(
                      POS, name, SqlLiteral.createExactNumeric("4", POS))),
              name);
    };
  }

  /**
   * The WHERE condition of the view; null for every row. A caller without the needed code gets
   * FALSE.
   */
  private static SqlNode filter(RowFilter rows, AccessScope caller) {
    if (!(rows instanceof RowFilter.CallerJurisdiction jurisdiction)) {
      return null;
    }
    Integer code = jurisdiction.level().codeOf(caller);
    if (code == null) {
      return SqlLiteral.createBoolean(false, POS);
    }
    SqlNode any = null;
    for (String column : jurisdiction.columns()) {
      SqlNode equals =
          SqlStdOperatorTable.EQUALS.createCall(
              POS,
              new SqlIdentifier(column, POS),
              SqlLiteral.createExactNumeric(code.toString(), POS));
      any = any == null ? equals : SqlStdOperatorTable.OR.createCall(POS, any, equals);
    }
    return any;
  }

  private static SqlNode as(SqlNode value, SqlIdentifier name) {
    return SqlStdOperatorTable.AS.createCall(POS, value, name);
  }
}
