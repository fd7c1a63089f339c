package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code request_events}: every transition of every movement request: who, when, from what to what,
 * and why.
 */
public final class RequestEventsTable {
  public static final String NAME = "request_events";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("request_id", STRING, "the request"))
          .add(
              required(
                  "seq",
                  INT,
                  "1 for the creation, then one more per transition (the request's version)"))
          .add(required("action", STRING, "what was done: CREATE, SUBMIT, ACCEPT, BOOK_TRAIN, ..."))
          .add(optional("from_status", STRING, "state before (empty for the creation)"))
          .add(required("to_status", STRING, "state after"))
          .add(required("actor", STRING, "user:role:jurisdiction who did it"))
          .add(required("actor_role", STRING, "the actor's role"))
          .add(required("at", TIMESTAMP, "when, recorded by the service"))
          .add(optional("reason", STRING, "why, as the actor wrote it"))
          .add(optional("details", STRING, "what came with it (decision, booking), as JSON"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Every transition of every movement request",
          SCHEMA,
          List.of(),
          Map.of("delta.appendOnly", "true"));

  private RequestEventsTable() {}
}
