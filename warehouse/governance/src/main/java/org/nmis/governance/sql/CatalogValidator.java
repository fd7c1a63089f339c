package org.nmis.governance.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.nmis.governance.catalog.CatalogColumn;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.ColumnType;

/**
 * Validates the caller's own parse tree against the tables one role may read: unknown columns,
 * functions and type errors are found here. Built once per role; {@link #validate} is thread-safe
 * (a new validator per call).
 */
final class CatalogValidator {
  private static final RelDataTypeFactory TYPES = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);

  /**
   * Calcite's standard functions and its Spark library, plus CONCAT. Spark functions that read
   * files or the environment (input_file_name, read_files, reflect, java_method, ...) are in
   * neither, so they are unknown.
   */
  private static final SqlOperatorTable FUNCTIONS =
      SqlOperatorTables.chain(
          SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
              SqlLibrary.STANDARD, SqlLibrary.SPARK),
          SqlOperatorTables.of(SqlLibraryOperators.CONCAT_FUNCTION));

  private static final SqlValidator.Config CONFIG =
      SqlValidator.Config.DEFAULT
          .withConformance(SqlConformanceEnum.LENIENT)
          .withIdentifierExpansion(true);

  private final CalciteCatalogReader catalogReader;

  CatalogValidator(List<CatalogTable> readable) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (CatalogTable table : readable) {
      root.add(
          table.name(),
          new AbstractTable() {
            @Override
            public RelDataType getRowType(RelDataTypeFactory factory) {
              return rowType(table.columns(), factory);
            }
          });
    }
    // Spark's name for strings, so that CAST(x AS STRING) validates; the rewriter writes it back as
    // STRING.
    root.add(
        "STRING",
        factory ->
            factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR), true));
    Properties properties = new Properties();
    properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    catalogReader =
        new CalciteCatalogReader(
            root, List.of(), TYPES, new CalciteConnectionConfigImpl(properties));
  }

  /**
   * The query's result columns; throws {@link SqlRejectedException} when the query is not valid.
   */
  List<OutputColumn> validate(SqlNode query) {
    SqlValidator validator = SqlValidatorUtil.newValidator(FUNCTIONS, catalogReader, TYPES, CONFIG);
    RelDataType type;
    try {
      type = validator.getValidatedNodeType(validator.validate(query));
    } catch (CalciteContextException e) {
      throw rejection(e);
    } catch (RuntimeException | AssertionError e) {
      // Calcite fails this way on a few constructs it parses but cannot validate; refusing is the
      // safe answer.
      throw new SqlRejectedException(
          SqlError.INVALID,
          "the query could not be validated ("
              + e.getMessage()
              + "); simplify the construct Calcite rejected");
    }
    List<OutputColumn> columns = new ArrayList<>();
    for (RelDataTypeField field : type.getFieldList()) {
      columns.add(new OutputColumn(field.getName(), field.getType().getSqlTypeName().getName()));
    }
    return columns;
  }

  private static SqlRejectedException rejection(CalciteContextException e) {
    String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    SqlPosition at = e.getPosLine() > 0 ? new SqlPosition(e.getPosLine(), e.getPosColumn()) : null;
    String where = at == null ? "" : " at " + at;
    if (message.startsWith("Column '") && message.contains("not found")) {
      return new SqlRejectedException(
          SqlError.UNKNOWN_COLUMN,
          message
              + where
              + "; check the column names of the "
              + "tables in FROM (names with reserved words, such as `date`, need back-ticks)",
          at);
    }
    if (message.startsWith("No match found for function signature")) {
      return new SqlRejectedException(
          SqlError.UNKNOWN_FUNCTION,
          message
              + where
              + "; governed SQL knows standard "
              + "SQL and Spark's functions that compute values, and no function that reads files or the system",
          at);
    }
    return new SqlRejectedException(
        SqlError.INVALID, message + where + "; fix the query there", at);
  }

  private static RelDataType rowType(List<CatalogColumn> columns, RelDataTypeFactory factory) {
    RelDataTypeFactory.Builder row = factory.builder();
    for (CatalogColumn c : columns) {
      row.add(c.name(), factory.createTypeWithNullability(type(c.type(), factory), c.nullable()));
    }
    return row.build();
  }

  private static RelDataType type(ColumnType type, RelDataTypeFactory factory) {
    if (type instanceof ColumnType.ArrayOf a) {
      return factory.createArrayType(
          factory.createTypeWithNullability(type(a.element(), factory), true), -1);
    }
    if (type instanceof ColumnType.StructOf s) {
      return rowType(s.fields(), factory);
    }
    return factory.createSqlType(
        switch ((ColumnType.Scalar) type) {
          case STRING -> SqlTypeName.VARCHAR;
          case INT -> SqlTypeName.INTEGER;
          case LONG -> SqlTypeName.BIGINT;
          case DOUBLE -> SqlTypeName.DOUBLE;
          case BOOLEAN -> SqlTypeName.BOOLEAN;
          case DATE -> SqlTypeName.DATE;
          case TIMESTAMP -> SqlTypeName.TIMESTAMP;
        });
  }
}
