package org.nmis.governance.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.util.Litmus;

/**
 * A type written in Spark's own syntax ({@code STRING}, {@code ARRAY<STRUCT<...>>}) in the
 * rewritten tree. The rewritten tree is only ever written out, never validated: validation runs on
 * the caller's own tree.
 */
final class SparkTypeSpec extends SqlTypeNameSpec {
  private final String sparkType;

  SparkTypeSpec(String sparkType, SqlParserPos pos) {
    super(new SqlIdentifier(sparkType, pos), pos);
    this.sparkType = sparkType;
  }

  @Override
  public RelDataType deriveType(SqlValidator validator) {
    throw new UnsupportedOperationException("NMIS-SQL-900: the rewritten tree is not validated");
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.print(sparkType);
    writer.setNeedWhitespace(true);
  }

  @Override
  public boolean equalsDeep(SqlTypeNameSpec spec, Litmus litmus) {
    if (spec instanceof SparkTypeSpec other && other.sparkType.equals(sparkType)) {
      return litmus.succeed();
    }
    return litmus.fail("{} != {}", this, spec);
  }
}
