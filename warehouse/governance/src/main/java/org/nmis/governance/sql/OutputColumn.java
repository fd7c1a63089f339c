package org.nmis.governance.sql;

/**
 * A column of the query's result as Calcite validated it: its name and SQL type (VARCHAR, INTEGER,
 * BIGINT, DATE, ...). Spark's result schema is authoritative: it names unaliased expressions
 * differently (Calcite says EXPR$0, Spark {@code count(1)}) and may widen types (Spark's SUM of INT
 * is BIGINT).
 */
public record OutputColumn(String name, String type) {}
