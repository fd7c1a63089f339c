package org.nmis.movement.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Gender;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Overflow;
import org.nmis.movement.allocation.OverflowReason;
import org.nmis.movement.allocation.Traveller;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.epass.EPassClaims;
import org.nmis.movement.layout.BerthType;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.RequestEvent;
import org.nmis.movement.request.RequestEventJson;
import org.nmis.movement.request.RequestStatus;

/**
 * One message of the movement log per transition. It carries the domain event (what the service
 * folds to rebuild its state after a restart) and, under the movement tables' own column names, the
 * rows the transition changed (what the landing job MERGEs: {@code request}, {@code event}, {@code
 * train}, {@code manifest}, {@code epasses}). Names are not logged; a replayed manifest takes them
 * from the registrations again.
 */
final class MovementMessages {
  static final int FORMAT_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** As MovementBatchWriter.TIMESTAMP_FORMAT reads them. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private MovementMessages() {}

  /**
   * An e-pass as the log and the epasses table know it, with its token (needed to hand it out
   * again).
   */
  record PassRecord(
      EPassClaims claims,
      String token,
      boolean revoked,
      Instant revokedAt,
      String revocationReason) {
    PassRecord revoke(Instant at, String reason) {
      return new PassRecord(claims, token, true, at, reason);
    }
  }

  /** What a message holds for the service. */
  record Decoded(RequestEvent event, Manifest manifest, List<PassRecord> passes) {}

  /**
   * Everything one transition logs: the request after it, its event, the persons counts
   * (registrants plus those accompanying them), when the request reached each later step, and the
   * manifest and passes it made, if any.
   */
  record Logged(
      MovementRequest request,
      RequestEvent event,
      int persons,
      Integer acceptedPersons,
      java.util.Map<RequestStatus, Instant> reachedAt,
      Manifest manifest,
      int manifestVersion,
      List<PassRecord> passes) {}

  static byte[] encode(Logged logged) {
    MovementRequest request = logged.request();
    RequestEvent event = logged.event();
    Manifest manifest = logged.manifest();
    int manifestVersion = logged.manifestVersion();
    List<PassRecord> passes = logged.passes();
    ObjectNode m = MAPPER.createObjectNode().put("v", FORMAT_VERSION);
    try {
      m.set("domain", MAPPER.readTree(RequestEventJson.write(event)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    m.set("request", requestRow(logged));
    m.set("event", eventRow(event));
    TrainBooking b = request.booking();
    if (b != null && event.action().name().equals("BOOK_TRAIN")) {
      m.set("train", trainRow(request, b, event));
    }
    if (manifest != null) {
      ArrayNode rows = m.putArray("manifest");
      for (ManifestLine l : manifest.lines()) {
        rows.add(
            manifestRow(request, manifestVersion, l.traveller(), event.at())
                .put("seat_status", "SEATED")
                .put("coach", l.coach())
                .put("berth", l.berth())
                .put("berth_type", l.berthType().name())
                .put("bay", bayOf(b, l)));
      }
      for (Overflow o : manifest.overflow()) {
        rows.add(
            manifestRow(request, manifestVersion, o.traveller(), event.at())
                .put("seat_status", "NOT_SEATED")
                .put("reason", o.reason().name() + ": " + o.detail()));
      }
    }
    if (!passes.isEmpty()) {
      ArrayNode rows = m.putArray("epasses");
      ObjectNode tokens = m.putObject("pass_tokens");
      for (PassRecord p : passes) {
        rows.add(passRow(p));
        tokens.put(p.claims().passId(), p.token());
      }
    }
    return m.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a message back; {@code names} gives a traveller's current name (names are not logged).
   */
  static Decoded decode(
      byte[] value,
      java.util.function.Function<PersonId, String> names,
      java.util.function.Function<String, TrainBooking> bookingOfRequest) {
    try {
      JsonNode m = MAPPER.readTree(value);
      RequestEvent event =
          RequestEventJson.read(m.get("domain").toString().getBytes(StandardCharsets.UTF_8));
      Manifest manifest = null;
      if (m.has("manifest")) {
        List<ManifestLine> lines = new ArrayList<>();
        List<Overflow> overflow = new ArrayList<>();
        for (JsonNode r : m.get("manifest")) {
          Traveller t = traveller(r, names);
          if ("SEATED".equals(r.get("seat_status").asText())) {
            lines.add(
                new ManifestLine(
                    r.get("coach").asText(),
                    r.get("berth").asInt(),
                    BerthType.valueOf(r.get("berth_type").asText()),
                    t));
          } else {
            String[] reason = r.get("reason").asText().split(": ", 2);
            overflow.add(
                new Overflow(
                    t, OverflowReason.valueOf(reason[0]), reason.length > 1 ? reason[1] : ""));
          }
        }
        manifest =
            Manifests.of(
                lines,
                overflow,
                bookingOfRequest.apply(m.get("request").get("request_id").asText()));
      }
      List<PassRecord> passes = new ArrayList<>();
      if (m.has("epasses")) {
        for (JsonNode p : m.get("epasses")) {
          passes.add(
              new PassRecord(
                  new EPassClaims(
                      EPassClaims.CURRENT_VERSION,
                      p.get("pass_id").asText(),
                      p.get("traveller_id").asText(),
                      event.requestId(),
                      p.get("train_number").asText(),
                      java.time.LocalDate.parse(p.get("train_date").asText()),
                      p.get("coach").asText(),
                      p.get("berth").asInt(),
                      instant(p.get("issued_at")),
                      instant(p.get("valid_from")),
                      instant(p.get("valid_until"))),
                  m.get("pass_tokens").get(p.get("pass_id").asText()).asText(),
                  "REVOKED".equals(p.get("status").asText()),
                  instant(p.get("revoked_at")),
                  p.hasNonNull("revocation_reason") ? p.get("revocation_reason").asText() : null));
        }
      }
      return new Decoded(event, manifest, passes);
    } catch (IOException e) {
      throw new IllegalStateException(
          "NMIS-MOV-LOG-003: a movement log message is not JSON; the log is damaged", e);
    }
  }

  private static Traveller traveller(
      JsonNode r, java.util.function.Function<PersonId, String> names) {
    PersonId registrant = new PersonId(r.get("person_id").asText());
    String id = r.get("traveller").asText();
    int companion = id.contains("+") ? Integer.parseInt(id.substring(id.indexOf('+') + 1)) : 0;
    String name = names.apply(registrant);
    return new Traveller(
        id,
        registrant,
        companion,
        companion == 0 ? name : name + " +" + companion,
        r.hasNonNull("age") ? r.get("age").asInt() : null,
        r.hasNonNull("gender") ? Gender.valueOf(r.get("gender").asText()) : null,
        r.hasNonNull("group_ref") ? r.get("group_ref").asText() : null,
        r.get("destination_district_code").asInt());
  }

  private static ObjectNode requestRow(Logged logged) {
    MovementRequest r = logged.request();
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("request_id", r.id().value())
            .put("status", r.status().name())
            .put("version", r.version())
            .put("origin_state_code", r.originStateCode())
            .put("origin_district_code", r.originDistrictCode())
            .put("destination_state_code", r.destinationStateCode())
            .put("proposed_date", r.proposal().proposedDate().toString())
            .put("mode", r.proposal().mode().name())
            .put("origin_station", r.proposal().originStationCode())
            .put("passengers", r.proposal().passengers().size())
            .put("persons", logged.persons());
    ArrayNode ids = o.putArray("passenger_ids");
    r.proposal().passengers().forEach(p -> ids.add(p.value()));
    if (r.decision() != null) {
      ArrayNode accepted = o.putArray("accepted_ids");
      r.acceptedPersons().forEach(p -> accepted.add(p.value()));
      o.put("accepted_passengers", r.decision().acceptedCount())
          .put("accepted_persons", logged.acceptedPersons())
          .put("noc_number", r.decision().nocNumber())
          .put("quarantine_capacity", r.decision().quarantineCapacity())
          .put("facility_notes", r.decision().facilityNotes());
    }
    o.put("created_by", r.createdBy())
        .put("created_at", ts(r.createdAt()))
        .put("submitted_at", ts(r.submittedAt()))
        .put("decided_at", ts(r.decidedAt()))
        .put("booked_at", ts(logged.reachedAt().get(RequestStatus.TRAIN_BOOKED)))
        .put("manifested_at", ts(logged.reachedAt().get(RequestStatus.MANIFESTED)))
        .put("departed_at", ts(logged.reachedAt().get(RequestStatus.DEPARTED)))
        .put("arrived_at", ts(logged.reachedAt().get(RequestStatus.ARRIVED)))
        .put("cancelled_at", ts(logged.reachedAt().get(RequestStatus.CANCELLED)))
        .put("updated_by", logged.event().actor())
        .put("updated_at", ts(r.updatedAt()));
    return o;
  }

  private static ObjectNode eventRow(RequestEvent e) {
    String[] actor = e.actor().split(":");
    return MAPPER
        .createObjectNode()
        .put("request_id", e.requestId().value())
        .put("seq", e.sequence())
        .put("action", e.action().name())
        .put("from_status", e.from() == null ? null : e.from().name())
        .put("to_status", e.to().name())
        .put("actor", e.actor())
        .put("actor_role", actor.length > 1 ? actor[1] : "UNKNOWN")
        .put("at", ts(e.at()))
        .put("reason", e.reason());
  }

  private static ObjectNode trainRow(MovementRequest r, TrainBooking b, RequestEvent e) {
    return MAPPER
        .createObjectNode()
        .put("request_id", r.id().value())
        .put("train_number", b.trainNumber())
        .put("train_date", b.date().toString())
        .put("origin_station", b.originStationCode())
        .put("destination_station", b.destinationStationCode())
        .put("rake", Manifests.describe(b.rake()))
        .put("coaches", b.rake().coaches().size())
        .put("middle_berths_empty", b.middleBerths().name().equals("LEFT_EMPTY"))
        .put("capacity", b.capacity())
        .put("booked_by", e.actor())
        .put("booked_at", ts(e.at()));
  }

  private static ObjectNode manifestRow(MovementRequest r, int version, Traveller t, Instant at) {
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("request_id", r.id().value())
            .put("manifest_version", version)
            .put("traveller", t.id())
            .put("person_id", t.registrant().value())
            .put("train_number", r.booking().trainNumber())
            .put("train_date", r.booking().date().toString())
            .put("age", t.age())
            .put("gender", t.gender() == null ? null : t.gender().name())
            .put("group_ref", t.groupRef())
            .put("destination_district_code", t.destinationDistrictCode())
            .put("generated_at", ts(at));
    return o;
  }

  private static ObjectNode passRow(PassRecord p) {
    EPassClaims c = p.claims();
    return MAPPER
        .createObjectNode()
        .put("pass_id", c.passId())
        .put("traveller_id", c.travellerId())
        .put(
            "person_id",
            c.travellerId().contains("+")
                ? c.travellerId().substring(0, c.travellerId().indexOf('+'))
                : c.travellerId())
        .put("request_id", c.requestId().value())
        .put("train_number", c.trainNumber())
        .put("train_date", c.date().toString())
        .put("coach", c.coach())
        .put("berth", c.berth())
        .put("status", p.revoked() ? "REVOKED" : "ISSUED")
        .put("issued_at", ts(c.issuedAt()))
        .put("valid_from", ts(c.validFrom()))
        .put("valid_until", ts(c.validUntil()))
        .put("revoked_at", ts(p.revokedAt()))
        .put("revocation_reason", p.revocationReason());
  }

  private static int bayOf(TrainBooking b, ManifestLine l) {
    return Manifests.bay(b.rake(), l.coach(), l.berth());
  }

  private static String ts(Instant i) {
    return i == null ? null : TIMESTAMP.format(i);
  }

  private static Instant instant(JsonNode n) {
    return n == null || n.isNull() ? null : Instant.from(TIMESTAMP.parse(n.asText()));
  }
}
