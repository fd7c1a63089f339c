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

/**
 * {@code sms_outbox}: one row per intended SMS as it stands now, landed from the SMS log. The ID is
 * derived from trigger, number, template and version, so a trigger fired twice adds no row.
 */
public final class SmsOutboxTable {
  public static final String NAME = "sms_outbox";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("message_id", STRING, "SMS-<20 hex>, from trigger, number, template"))
          .add(required("trigger", STRING, "what asked for it: manifest:<request>@<seats>, ..."))
          .add(required("recipient", STRING, "the person IDs the message addresses"))
          .add(required("template_key", STRING, "manifest.issued, request.cancelled, ..."))
          .add(required("language", STRING, "en or hi"))
          .add(required("template_version", INT, "version of the text it was made from"))
          .add(required("dlt_template_id", STRING, "the text's registered DLT template ID"))
          .add(required("mobile", STRING, "the number, +91XXXXXXXXXX"))
          .add(required("body", STRING, "the text sent"))
          .add(required("segments", INT, "SMS segments it takes (GSM-7 or UCS-2)"))
          .add(optional("district_code", INT, "the recipients' destination district"))
          .add(
              required(
                  "status",
                  STRING,
                  "PENDING, SENDING, QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED, OPTED_OUT, ERASED"))
          .add(required("attempts", INT, "send attempts so far"))
          .add(optional("sid", STRING, "the gateway's message SID"))
          .add(optional("error_code", STRING, "the gateway's or the sender's last error code"))
          .add(required("created_at", TIMESTAMP, "when the trigger put it in the outbox"))
          .add(required("updated_at", TIMESTAMP, "when its status last changed"))
          .add(required("log_offset", LONG, "offset of the SMS log event that made this row"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Every SMS the service meant to send",
          SCHEMA,
          List.of(),
          Map.of(
              Columns.STATS_COLUMNS,
              "message_id,template_key,language,status,attempts,created_at,updated_at,log_offset"));

  private SmsOutboxTable() {}
}
