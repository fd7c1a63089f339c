package org.nmis.governance.sql;

import java.util.stream.Collectors;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.SparkSqlDialect;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.nmis.governance.catalog.ColumnType;

/** Writes a parse tree as Spark SQL text that Spark reads back exactly as Calcite understood it. */
final class SparkSqlWriter {
  private static final SparkSqlDialect DIALECT = new SafeSparkDialect();

  private SparkSqlWriter() {}

  static String write(SqlNode node) {
    String sql =
        node.toSqlString(
                c ->
                    c.withDialect(DIALECT)
                        .withQuoteAllIdentifiers(true)
                        .withClauseStartsLine(false)
                        .withClauseEndsLine(false)
                        .withIndentation(0))
            .getSql();
    // Spark substitutes ${...} in the whole text before parsing (spark.sql.variable.substitute),
    // which would
    // put configuration, system properties or environment variables into the result. Literals never
    // contain
    // it (see SafeSparkDialect), so only a quoted name can.
    if (sql.contains("${")) {
      throw new SqlRejectedException(
          SqlError.UNSUPPORTED,
          "a name contains '${', which Spark would replace with "
              + "a variable's value; rename the column or alias");
    }
    return sql;
  }

  /** The Spark SQL name of a column type, for {@code CAST(NULL AS ...)}. */
  static String typeName(ColumnType type) {
    if (type instanceof ColumnType.ArrayOf a) {
      return "ARRAY<" + typeName(a.element()) + ">";
    }
    if (type instanceof ColumnType.StructOf s) {
      return s.fields().stream()
          .map(f -> DIALECT.quoteIdentifier(f.name()) + ": " + typeName(f.type()))
          .collect(Collectors.joining(", ", "STRUCT<", ">"));
    }
    return switch ((ColumnType.Scalar) type) {
      case STRING -> "STRING";
      case INT -> "INT";
      case LONG -> "BIGINT";
      case DOUBLE -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case DATE -> "DATE";
      case TIMESTAMP -> "TIMESTAMP";
    };
  }

  /**
   * Calcite's Spark dialect writes string literals the standard way ('it''s', backslashes as is).
   * Spark reads a backslash as an escape, so such a literal could end early and turn its rest into
   * SQL. Here every backslash and quote is escaped the way Spark unescapes them, and every $ is
   * written \u0024 so that no ${ reaches Spark's variable substitution. Non-ASCII text is written
   * as is (Spark reads UTF-8), never as U&'...'.
   */
  private static final class SafeSparkDialect extends SparkSqlDialect {
    SafeSparkDialect() {
      super(SparkSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      buf.append('\'');
      for (int i = 0; i < val.length(); i++) {
        char c = val.charAt(i);
        switch (c) {
          case '\\' -> buf.append("\\\\");
          case '\'' -> buf.append("\\'");
          case '$' -> buf.append("\\u0024");
          default -> buf.append(c);
        }
      }
      buf.append('\'');
    }

    /**
     * Calcite writes {@code x BETWEEN ASYMMETRIC a AND b}, which Spark cannot parse; the standard's
     * default (ASYMMETRIC) is plain BETWEEN in Spark. Spark has no SYMMETRIC: it is refused.
     */
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
      if (call.getOperator() instanceof SqlBetweenOperator between) {
        if (between.flag == SqlBetweenOperator.Flag.SYMMETRIC) {
          throw new SqlRejectedException(
              SqlError.UNSUPPORTED,
              "BETWEEN SYMMETRIC has no Spark equivalent; write (x BETWEEN a AND b OR x BETWEEN b"
                  + " AND a)");
        }
        SqlWriter.Frame frame = writer.startList("(", ")");
        call.operand(0).unparse(writer, between.getLeftPrec(), between.getRightPrec());
        writer.sep(between.isNegated() ? "NOT BETWEEN" : "BETWEEN");
        call.operand(1).unparse(writer, between.getLeftPrec(), between.getRightPrec());
        writer.sep("AND");
        call.operand(2).unparse(writer, between.getLeftPrec(), between.getRightPrec());
        writer.endList(frame);
        return;
      }
      super.unparseCall(writer, call, leftPrec, rightPrec);
    }
  }
}
