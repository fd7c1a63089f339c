package org.nmis.governance.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites the caller's parse tree so that it reads nothing but policy views. Every table reference
 * in a FROM clause, at any depth (joins, sub-queries, IN / EXISTS, CTE bodies, set operations),
 * becomes {@code (SELECT <masked columns> FROM <located table> WHERE <row filter>) AS <alias>}.
 * Each CTE is renamed to a generated name, so that a reference the rewriter took for a CTE can
 * never reach a real table in Spark, whatever Spark's own scoping rules are. Anything in a FROM
 * clause that is not a table, CTE, sub-query or join is refused. One rewriter serves one request.
 */
final class PolicyRewriter extends SqlShuttle {
  /**
   * What the rewriter needs to know about a table the caller names: its policy view, or empty if
   * unreadable.
   */
  interface Views {
    Optional<SqlSelect> view(String table);

    String unknownTable(String name);
  }

  private static final int SELECT_FROM = 2;

  private final Views views;
  private final Deque<Map<String, String>> cteScopes = new ArrayDeque<>();
  private final Set<String> tablesRead = new TreeSet<>();
  private int ctes;

  PolicyRewriter(Views views) {
    this.views = views;
  }

  /** The rewritten query. */
  SqlNode rewrite(SqlNode query) {
    return query.accept(this);
  }

  /** The catalog tables the rewritten query reads. */
  Set<String> tablesRead() {
    return tablesRead;
  }

  @Override
  public SqlNode visit(SqlCall call) {
    return switch (call.getKind()) {
      case SELECT -> select((SqlSelect) call);
      case WITH -> with((SqlWith) call);
      case ORDER_BY -> orderBy((SqlOrderBy) call);
      case EXPLICIT_TABLE -> throw unsupported(call, "TABLE <name>; write SELECT * FROM <name>");
      default -> super.visit(call);
    };
  }

  @Override
  public SqlNode visit(SqlDynamicParam param) {
    throw unsupported(param, "parameter markers (?); write the values into the query");
  }

  /**
   * Spark has no VARCHAR without a length; STRING is Spark's name, which Calcite reads as a named
   * type.
   */
  @Override
  public SqlNode visit(SqlDataTypeSpec type) {
    boolean string =
        type.getTypeNameSpec() instanceof SqlUserDefinedTypeNameSpec named
                && named.getTypeName().isSimple()
                && named.getTypeName().getSimple().equalsIgnoreCase("STRING")
            || type.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
                && basic.getTypeName().getSimple().equalsIgnoreCase(SqlTypeName.VARCHAR.getName())
                && basic.getPrecision() < 0;
    return string
        ? new SqlDataTypeSpec(
            new SparkTypeSpec("STRING", type.getParserPosition()), type.getParserPosition())
        : type;
  }

  private SqlNode select(SqlSelect select) {
    if (select.hasHints()) {
      throw unsupported(select, "query hints (/*+ ... */)");
    }
    if (select.getFrom() != null) {
      select.setFrom(from(select.getFrom()));
    }
    // Every other clause may hold sub-queries (IN, EXISTS, scalar); SELECT_FROM is done above and
    // the hints
    // (the last operand) were refused.
    for (int i = 0; i < select.getOperandList().size() - 1; i++) {
      SqlNode operand = select.getOperandList().get(i);
      if (i != SELECT_FROM && operand != null) {
        select.setOperand(i, operand.accept(this));
      }
    }
    return select;
  }

  private SqlNode with(SqlWith with) {
    Map<String, String> scope = new HashMap<>();
    cteScopes.push(scope);
    try {
      for (SqlNode node : with.withList) {
        SqlWithItem item = (SqlWithItem) node;
        if (item.recursive.booleanValue()) {
          throw unsupported(item, "WITH RECURSIVE");
        }
        item.query = item.query.accept(this);
        // Added after its own body: a CTE's body sees only the CTEs before it, as in Calcite and
        // Spark.
        String generated = "nmis_cte_" + (++ctes);
        scope.put(key(item.name.getSimple()), generated);
        item.name = new SqlIdentifier(generated, item.name.getParserPosition());
      }
      with.body = with.body.accept(this);
      return with;
    } finally {
      cteScopes.pop();
    }
  }

  private SqlNode orderBy(SqlOrderBy orderBy) {
    return new SqlOrderBy(
        orderBy.getParserPosition(),
        orderBy.query.accept(this),
        (SqlNodeList) orderBy.orderList.accept(this),
        orderBy.offset,
        orderBy.fetch);
  }

  /** An item of a FROM clause. */
  private SqlNode from(SqlNode item) {
    switch (item.getKind()) {
      case IDENTIFIER:
        {
          // Keeps the name the caller wrote as the alias, so that name.column still resolves.
          SqlIdentifier name = (SqlIdentifier) item;
          SqlNode source = source(name);
          return SqlStdOperatorTable.AS.createCall(
              name.getParserPosition(),
              source,
              new SqlIdentifier(name.getSimple(), name.getParserPosition()));
        }
      case AS:
        {
          SqlCall as = (SqlCall) item;
          SqlNode aliased = as.operand(0);
          as.setOperand(
              0, aliased instanceof SqlIdentifier name ? source(name) : subQuery(aliased));
          return as;
        }
      case JOIN:
        {
          SqlJoin join = (SqlJoin) item;
          join.setLeft(from(join.getLeft()));
          join.setRight(from(join.getRight()));
          if (join.getCondition() != null) {
            join.setOperand(5, join.getCondition().accept(this));
          }
          return join;
        }
      default:
        return subQuery(item);
    }
  }

  private SqlNode subQuery(SqlNode item) {
    return switch (item.getKind()) {
      case SELECT, UNION, INTERSECT, EXCEPT, ORDER_BY, WITH, VALUES -> item.accept(this);
      case SNAPSHOT ->
          throw new SqlRejectedException(
              SqlError.TIME_TRAVEL,
              "the query asks for a table as of "
                  + "an earlier time (FOR SYSTEM_TIME AS OF); governed SQL reads the current version only. Remove the "
                  + "clause",
              StatementParser.position(item.getParserPosition()));
      default ->
          throw unsupported(
              item,
              describe(item.getKind())
                  + " in FROM; FROM may name tables, CTEs, "
                  + "sub-queries and joins");
    };
  }

  /**
   * A table or CTE named in FROM: a renamed CTE reference, or the policy view of a catalog table.
   */
  private SqlNode source(SqlIdentifier name) {
    if (name.isSimple()) {
      String cte = cte(name.getSimple());
      if (cte != null) {
        return new SqlIdentifier(cte, name.getParserPosition());
      }
      Optional<SqlSelect> view = views.view(name.getSimple());
      if (view.isPresent()) {
        tablesRead.add(key(name.getSimple()));
        return view.get();
      }
    }
    throw new SqlRejectedException(
        SqlError.UNKNOWN_TABLE,
        views.unknownTable(name.toString()),
        StatementParser.position(name.getParserPosition()));
  }

  private String cte(String name) {
    for (Map<String, String> scope : cteScopes) {
      String generated = scope.get(key(name));
      if (generated != null) {
        return generated;
      }
    }
    return null;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String describe(SqlKind kind) {
    return switch (kind) {
      case COLLECTION_TABLE -> "table functions (read_files(...), TABLE(...))";
      case UNNEST -> "UNNEST";
      case LATERAL -> "LATERAL";
      case TABLESAMPLE -> "TABLESAMPLE";
      case TABLE_REF -> "table hints";
      case EXTEND -> "extended columns";
      default -> kind.toString().replace('_', ' ');
    };
  }

  private static SqlRejectedException unsupported(SqlNode node, String what) {
    return new SqlRejectedException(
        SqlError.UNSUPPORTED,
        "governed SQL does not allow " + what,
        StatementParser.position(node.getParserPosition()));
  }
}
