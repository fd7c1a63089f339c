package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.LONG;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/** {@code sms_events}: every change of the SMS outbox, in the order of the SMS log. */
public final class SmsEventsTable {
  public static final String NAME = "sms_events";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("log_offset", LONG, "offset in the SMS log: the event's identity"))
          .add(required("at", TIMESTAMP, "when"))
          .add(
              required(
                  "type",
                  STRING,
                  "ENQUEUED, SENDING, HANDED_OVER, REFUSED, REPORTED (a receipt), OPTED_OUT, ERASED"))
          .add(optional("message_id", STRING, "the message (the first one for an opt-out)"))
          .add(optional("sid", STRING, "the gateway's SID"))
          .add(optional("status", STRING, "the message's status after the event"))
          .add(optional("error_code", STRING, "the error code the event carried"))
          .add(optional("mobile", STRING, "the number that opted out (OPTED_OUT only)"))
          .add(required("messages_changed", INT, "outbox rows the event changed"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Every status change of every SMS",
          SCHEMA,
          List.of(),
          Map.of("delta.appendOnly", "true"));

  private SmsEventsTable() {}
}
