package org.nmis.movement.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.TravelMode;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

/**
 * The wire form of a {@link RequestEvent} in the movement log: one JSON object with the event's
 * fields and its details under {@code details} (their shape follows {@code action}). Written field
 * by field, so renaming a Java component never changes the log; {@code v} versions the format.
 * Reading it back gives an equal event, which is what {@link MovementRequest#replay} needs after a
 * restart.
 */
public final class RequestEventJson {
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private RequestEventJson() {}

  public static byte[] write(RequestEvent e) {
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("v", FORMAT_VERSION)
            .put("requestId", e.requestId().value())
            .put("sequence", e.sequence())
            .put("from", e.from() == null ? null : e.from().name())
            .put("to", e.to().name())
            .put("action", e.action().name())
            .put("actor", e.actor())
            .put("at", e.at().toString())
            .put("reason", e.reason());
    o.set("details", details(e.details()));
    return o.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Throws {@link IllegalArgumentException} (NMIS-MOV-107) when the bytes are not an event of this
   * format.
   */
  public static RequestEvent read(byte[] json) {
    try {
      JsonNode o = MAPPER.readTree(json);
      if (o == null || o.path("v").asInt() != FORMAT_VERSION) {
        throw new IllegalArgumentException(
            "format version " + (o == null ? null : o.get("v")) + ", expected " + FORMAT_VERSION);
      }
      RequestAction action = RequestAction.valueOf(text(o, "action"));
      String from = text(o, "from");
      return new RequestEvent(
          requestId(text(o, "requestId")),
          o.path("sequence").asLong(),
          from == null ? null : RequestStatus.valueOf(from),
          RequestStatus.valueOf(text(o, "to")),
          action,
          text(o, "actor"),
          Instant.parse(text(o, "at")),
          text(o, "reason"),
          details(action, o.path("details")));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "NMIS-MOV-107: a movement log message is not a request event of format "
              + FORMAT_VERSION
              + " ("
              + e.getMessage()
              + "); the log holds foreign or damaged data",
          e);
    }
  }

  private static JsonNode details(EventDetails d) {
    if (d instanceof Created c) {
      ObjectNode o =
          MAPPER
              .createObjectNode()
              .put("originStateCode", c.originStateCode())
              .put("originDistrictCode", c.originDistrictCode());
      o.set("proposal", details(c.proposal()));
      return o;
    }
    if (d instanceof Proposal p) {
      ObjectNode o =
          MAPPER.createObjectNode().put("destinationStateCode", p.destinationStateCode());
      o.set("passengers", ids(p.passengers()));
      return o.put("proposedDate", String.valueOf(p.proposedDate()))
          .put("mode", p.mode().name())
          .put("originStationCode", p.originStationCode());
    }
    if (d instanceof Decision dec) {
      ObjectNode o = MAPPER.createObjectNode().put("acceptedCount", dec.acceptedCount());
      o.set("acceptedPersons", ids(dec.acceptedPersons()));
      return o.put("quarantineCapacity", dec.quarantineCapacity())
          .put("facilityNotes", dec.facilityNotes())
          .put("nocNumber", dec.nocNumber());
    }
    if (d instanceof Booked b) {
      TrainBooking t = b.booking();
      ObjectNode o =
          MAPPER
              .createObjectNode()
              .put("trainNumber", t.trainNumber())
              .put("date", t.date().toString())
              .put("originStationCode", t.originStationCode())
              .put("destinationStationCode", t.destinationStationCode())
              .put("middleBerths", t.middleBerths().name());
      ArrayNode rake = o.putArray("rake");
      t.rake()
          .sections()
          .forEach(s -> rake.addObject().put("layout", s.layout()).put("coaches", s.coaches()));
      return o;
    }
    if (d instanceof Manifested m) {
      return MAPPER.createObjectNode().put("placed", m.placed()).put("overflow", m.overflow());
    }
    return MAPPER.nullNode();
  }

  private static EventDetails details(RequestAction action, JsonNode o) {
    Class<? extends EventDetails> type = action.detailsType();
    if (type == null) {
      return null;
    }
    if (type == Created.class) {
      return new Created(
          o.path("originStateCode").asInt(),
          integer(o, "originDistrictCode"),
          proposal(o.path("proposal")));
    }
    if (type == Proposal.class) {
      return proposal(o);
    }
    if (type == Decision.class) {
      return new Decision(
          o.path("acceptedCount").asInt(),
          ids(o.path("acceptedPersons")),
          integer(o, "quarantineCapacity"),
          text(o, "facilityNotes"),
          text(o, "nocNumber"));
    }
    if (type == Booked.class) {
      List<Rake.Section> sections = new ArrayList<>();
      o.path("rake")
          .forEach(
              s -> sections.add(new Rake.Section(text(s, "layout"), s.path("coaches").asInt())));
      return new Booked(
          new TrainBooking(
              text(o, "trainNumber"),
              LocalDate.parse(text(o, "date")),
              text(o, "originStationCode"),
              text(o, "destinationStationCode"),
              new Rake(sections),
              MiddleBerthPolicy.valueOf(text(o, "middleBerths"))));
    }
    return new Manifested(o.path("placed").asInt(), o.path("overflow").asInt());
  }

  private static Proposal proposal(JsonNode o) {
    return new Proposal(
        o.path("destinationStateCode").asInt(),
        ids(o.path("passengers")),
        LocalDate.parse(text(o, "proposedDate")),
        TravelMode.valueOf(text(o, "mode")),
        text(o, "originStationCode"));
  }

  private static ArrayNode ids(List<PersonId> ids) {
    ArrayNode a = MAPPER.createArrayNode();
    ids.forEach(id -> a.add(id.value()));
    return a;
  }

  private static List<PersonId> ids(JsonNode a) {
    List<PersonId> out = new ArrayList<>();
    a.forEach(
        id ->
            out.add(
                PersonId.parse(id.asText())
                    .orElseThrow(() -> new IllegalArgumentException("not a person ID: " + id))));
    return out;
  }

  private static RequestId requestId(String value) {
    return RequestId.parse(value)
        .orElseThrow(() -> new IllegalArgumentException("not a request ID: " + value));
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Integer integer(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asInt();
  }
}
