package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code audit_log}: every SQL query, export and read of personal data: who, in which role and
 * jurisdiction, when, what (endpoint, SQL text, parameters with personal values masked), rows
 * returned, duration and outcome. Append-only; AUDITOR reads it through governed SQL and nobody can
 * change it through the API.
 */
public final class AuditLogTable {
  public static final String NAME = "audit_log";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("id", STRING, "unique event ID"))
          .add(required("at", TIMESTAMP, "when the answer left"))
          .add(required("username", STRING, "who asked"))
          .add(required("role", STRING, "their role"))
          .add(required("jurisdiction", STRING, "user:role:state/district"))
          .add(
              required(
                  "endpoint",
                  STRING,
                  "what was called, for example sql.query or persons.by-mobile"))
          .add(optional("sql_text", STRING, "the SQL as the caller sent it"))
          .add(
              optional(
                  "parameters", STRING, "the other parameters as JSON, personal values masked"))
          .add(required("rows_returned", LONG, "rows or persons returned"))
          .add(required("duration_ms", LONG, "time to answer in milliseconds"))
          .add(required("outcome", STRING, "OK, or the error code"))
          .add(required("day", DATE, "day of the event in India (partition column)"))
          .add(optional("chain", STRING, "the hash chain: the writer that recorded the event"))
          .add(optional("seq", LONG, "place in the chain of the writer and day, from 1"))
          .add(optional("prev_hash", STRING, "hash of the chain's previous event (SHA-256, hex)"))
          .add(optional("hash", STRING, "hash of this event's fields and prev_hash"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Every SQL query, export and read of personal data",
          SCHEMA,
          List.of("day"),
          Map.of("delta.appendOnly", "true"));

  private AuditLogTable() {}
}
