package org.nmis.sms.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The wire form of an {@link OutboxEvent} in the SMS log: one JSON object with a {@code type} and
 * the event's fields, written field by field so that renaming a Java component never changes the
 * log; {@code v} versions the format. Reading it back gives an equal event, which a restart's
 * replay needs. The body and the number are personal data: the log's topic and tables follow the
 * access policy like the registrations.
 */
public final class OutboxEventJson {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutboxEventJson() {}

  /**
   * The event, and under {@code rows} the messages it changed as they are after it, named as the
   * sms_outbox table's columns, times in epoch milliseconds (the landing job upserts them; {@link
   * #read} ignores them).
   */
  public static byte[] write(OutboxEvent e, List<OutboxMessage> after) {
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("v", FORMAT_VERSION)
            .put("at", e.at().toString())
            .put("at_ms", e.at().toEpochMilli());
    ArrayNode rows = o.putArray("rows");
    for (OutboxMessage m : after) {
      rows.addObject()
          .put("message_id", m.id())
          .put("trigger", m.trigger())
          .put("recipient", m.recipient())
          .put("template_key", m.templateKey())
          .put("language", m.language())
          .put("template_version", m.templateVersion())
          .put("dlt_template_id", m.dltTemplateId())
          .put("mobile", m.to())
          .put("body", m.body())
          .put("segments", m.segments())
          .put("district_code", m.districtCode())
          .put("status", m.status().name())
          .put("attempts", m.attempts())
          .put("sid", m.sid())
          .put("error_code", m.errorCode())
          .put("created_at", m.createdAt().toEpochMilli())
          .put("updated_at", m.updatedAt().toEpochMilli());
    }
    if (e instanceof OutboxEvent.Enqueued q) {
      OutboxMessage m = q.message();
      o.put("type", "ENQUEUED")
          .put("id", m.id())
          .put("trigger", m.trigger())
          .put("recipient", m.recipient())
          .put("templateKey", m.templateKey())
          .put("language", m.language())
          .put("templateVersion", m.templateVersion())
          .put("dltTemplateId", m.dltTemplateId())
          .put("to", m.to())
          .put("body", m.body())
          .put("segments", m.segments())
          .put("districtCode", m.districtCode())
          .put("createdAt", m.createdAt().toString());
    } else if (e instanceof OutboxEvent.Sending s) {
      o.put("type", "SENDING").put("id", s.id()).put("attempt", s.attempt());
    } else if (e instanceof OutboxEvent.HandedOver h) {
      o.put("type", "HANDED_OVER")
          .put("id", h.id())
          .put("sid", h.sid())
          .put("status", h.status().name());
    } else if (e instanceof OutboxEvent.Refused r) {
      o.put("type", "REFUSED")
          .put("id", r.id())
          .put("errorCode", r.errorCode())
          .put("retry", r.retry());
    } else if (e instanceof OutboxEvent.Reported r) {
      o.put("type", "REPORTED")
          .put("sid", r.sid())
          .put("status", r.status().name())
          .put("errorCode", r.errorCode());
    } else if (e instanceof OutboxEvent.OptedOut x) {
      o.put("type", "OPTED_OUT").put("to", x.to());
    } else if (e instanceof OutboxEvent.Erased x) {
      o.put("type", "ERASED").put("personId", x.personId());
    }
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Throws {@link IllegalArgumentException} (NMIS-SMS-114) for bytes that are not an event. */
  public static OutboxEvent read(byte[] json) {
    try {
      JsonNode o = MAPPER.readTree(json);
      if (o == null || o.path("v").asInt() != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "format version " + (o == null ? null : o.get("v")) + ", expected " + FORMAT_VERSION);
      }
      Instant at = Instant.parse(o.path("at").asText());
      return switch (o.path("type").asText()) {
        case "ENQUEUED" ->
            new OutboxEvent.Enqueued(
                new OutboxMessage(
                    text(o, "id"),
                    text(o, "trigger"),
                    text(o, "recipient"),
                    text(o, "templateKey"),
                    text(o, "language"),
                    o.path("templateVersion").asInt(),
                    text(o, "dltTemplateId"),
                    text(o, "to"),
                    text(o, "body"),
                    o.path("segments").asInt(),
                    o.hasNonNull("districtCode") ? o.get("districtCode").asInt() : null,
                    SmsStatus.PENDING,
                    0,
                    null,
                    null,
                    Instant.parse(text(o, "createdAt")),
                    at),
                at);
        case "SENDING" -> new OutboxEvent.Sending(text(o, "id"), o.path("attempt").asInt(), at);
        case "HANDED_OVER" ->
            new OutboxEvent.HandedOver(
                text(o, "id"), text(o, "sid"), SmsStatus.valueOf(text(o, "status")), at);
        case "REFUSED" ->
            new OutboxEvent.Refused(
                text(o, "id"), text(o, "errorCode"), o.path("retry").asBoolean(), at);
        case "REPORTED" ->
            new OutboxEvent.Reported(
                text(o, "sid"), SmsStatus.valueOf(text(o, "status")), text(o, "errorCode"), at);
        case "OPTED_OUT" -> new OutboxEvent.OptedOut(text(o, "to"), at);
        case "ERASED" -> new OutboxEvent.Erased(text(o, "personId"), at);
        default ->
            throw new IllegalArgumentException("unknown event type '" + o.path("type") + "'");
      };
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "NMIS-SMS-114: an SMS log record could not be read (" + e.getMessage() + ")", e);
    }
  }

  private static String text(JsonNode o, String field) {
    return o.hasNonNull(field) ? o.get(field).asText() : null;
  }
}
