package org.nmis.api.movement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.MovementError;
import org.nmis.movement.allocation.CoachManifest;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Overflow;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.Proposal;
import org.nmis.movement.request.RequestCommand;
import org.nmis.movement.request.RequestEvent;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.service.Manifests;
import org.nmis.movement.service.MovementService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Inter-state movement requests: create, submit, decide, book, manifest, depart, arrive, cancel
 * (see docs/ARCHITECTURE.md for the state machine). Every answer is the request as it now stands;
 * errors are problems with the workflow's code (403 role or jurisdiction, 409 state or version, 400
 * input).
 */
@RestController
@RequestMapping("/api/v1/movement")
public class MovementController {
  private final MovementService service;
  private final RegistrationIndex index;
  private final PolicyProjection views;
  private final AuditLog audit;
  private final VisibleRequests requests;

  public MovementController(
      MovementService service,
      RegistrationIndex index,
      PolicyProjection views,
      AuditLog audit,
      VisibleRequests requests) {
    this.service = service;
    this.index = index;
    this.views = views;
    this.audit = audit;
    this.requests = requests;
  }

  /**
   * Passengers by person ID, or a selection of registrations the service resolves to person IDs.
   */
  public record Selection(
      @JsonProperty("origin_district_code") Integer originDistrictCode,
      @JsonProperty("destination_district_code") Integer destinationDistrictCode,
      @JsonProperty("travel_date") LocalDate travelDate) {}

  public record CreateBody(
      @JsonProperty("destination_state_code") Integer destinationStateCode,
      List<String> passengers,
      Selection selection,
      @JsonProperty("proposed_date") LocalDate proposedDate,
      String mode,
      @JsonProperty("origin_station") String originStation,
      String reason) {}

  public record CommandBody(
      String reason,
      @JsonProperty("expected_version") Long expectedVersion,
      @JsonProperty("quarantine_capacity") Integer quarantineCapacity,
      @JsonProperty("facility_notes") String facilityNotes,
      @JsonProperty("noc_number") String nocNumber,
      @JsonProperty("accepted_persons") List<String> acceptedPersons) {}

  public record BookBody(
      @JsonProperty("train_number") String trainNumber,
      LocalDate date,
      @JsonProperty("origin_station") String originStation,
      @JsonProperty("destination_station") String destinationStation,
      Map<String, Integer> rake,
      @JsonProperty("middle_berths_empty") Boolean middleBerthsEmpty,
      String reason,
      @JsonProperty("expected_version") Long expectedVersion) {}

  @PostMapping("/requests")
  @ApiResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = RequestView.class)))
  public ResponseEntity<RequestView> create(
      @RequestBody CreateBody body, @AuthenticationPrincipal NmisUser user) {
    AccessScope actor = user.scope();
    if (body.destinationStateCode() == null) {
      throw bad("destination_state_code", "the destination state's LGD code");
    }
    TravelMode mode;
    try {
      mode = TravelMode.valueOf(body.mode() == null ? "TRAIN" : body.mode().strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw bad("mode", "TRAIN, BUS or OTHER");
    }
    List<PersonId> passengers =
        body.passengers() != null
            ? personIds(body.passengers())
            : select(actor, body.destinationStateCode(), mode, body.selection());
    MovementRequest r =
        service.create(
            actor,
            new Proposal(
                body.destinationStateCode(),
                passengers,
                body.proposedDate(),
                mode,
                body.originStation()),
            body.reason());
    return ResponseEntity.status(HttpStatus.CREATED).body(view(r, user));
  }

  /**
   * The requests the caller sees, oldest first; {@code status} is one status or several separated
   * by commas. With {@code summary=true} each comes without its passenger and accepted-person lists
   * (their sizes stay in {@code passenger_count} and {@code decision.accepted_count}): the desks
   * ask for the work in flight in summary, so their pages stay small all season.
   */
  @GetMapping("/requests")
  public List<RequestView> list(
      @RequestParam(value = "status", required = false) String status,
      @RequestParam(value = "summary", defaultValue = "false") boolean summary,
      @AuthenticationPrincipal NmisUser user) {
    Set<RequestStatus> wanted = statuses(status);
    return service.all().stream()
        .filter(r -> views.sees(r, user.scope()))
        .filter(r -> wanted.contains(r.status()))
        .sorted(java.util.Comparator.comparing(MovementRequest::createdAt))
        .map(r -> summary ? view(r, user).summary() : view(r, user))
        .toList();
  }

  @GetMapping("/requests/{id}")
  public RequestView get(@PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return view(visible(id, user), user);
  }

  @PostMapping("/requests/{id}/{action}")
  public RequestView act(
      @PathVariable String id,
      @PathVariable String action,
      @RequestBody(required = false) CommandBody body,
      @AuthenticationPrincipal NmisUser user) {
    RequestId rid = visible(id, user).id();
    CommandBody b = body == null ? new CommandBody(null, null, null, null, null, null) : body;
    AccessScope a = user.scope();
    RequestCommand command =
        switch (action) {
          case "submit" -> new RequestCommand.Submit(a, b.reason(), b.expectedVersion());
          case "accept" ->
              new RequestCommand.Accept(
                  a,
                  capacity(b),
                  b.facilityNotes(),
                  b.nocNumber(),
                  b.reason(),
                  b.expectedVersion());
          case "partially-accept" -> {
            List<PersonId> accepted =
                personIds(b.acceptedPersons() == null ? List.of() : b.acceptedPersons());
            yield new RequestCommand.PartiallyAccept(
                a,
                accepted.size(),
                accepted,
                capacity(b),
                b.facilityNotes(),
                b.nocNumber(),
                b.reason(),
                b.expectedVersion());
          }
          case "reject" ->
              new RequestCommand.Reject(
                  a, b.quarantineCapacity(), b.facilityNotes(), b.reason(), b.expectedVersion());
          case "depart" -> new RequestCommand.Depart(a, b.reason(), b.expectedVersion());
          case "arrive" -> new RequestCommand.Arrive(a, b.reason(), b.expectedVersion());
          case "cancel" -> new RequestCommand.Cancel(a, b.reason(), b.expectedVersion());
          case "manifest" -> null;
          default ->
              throw new ApiException(
                  ApiError.UNKNOWN_ACTION,
                  "no action '"
                      + action
                      + "' on movement requests; use submit, accept, partially-accept, reject, book, manifest, depart,"
                      + " arrive or cancel");
        };
    MovementRequest r =
        command == null
            ? service.manifest(rid, a, b.reason(), b.expectedVersion())
            : service.apply(rid, command);
    return view(r, user);
  }

  @PostMapping("/requests/{id}/book")
  public RequestView book(
      @PathVariable String id, @RequestBody BookBody b, @AuthenticationPrincipal NmisUser user) {
    RequestId rid = visible(id, user).id();
    Rake rake = null;
    if (b.rake() != null && !b.rake().isEmpty()) {
      rake =
          new Rake(
              b.rake().entrySet().stream()
                  .map(e -> new Rake.Section(e.getKey(), e.getValue()))
                  .toList());
    }
    TrainBooking booking =
        new TrainBooking(
            b.trainNumber(),
            b.date(),
            b.originStation(),
            b.destinationStation(),
            rake,
            Boolean.FALSE.equals(b.middleBerthsEmpty())
                ? MiddleBerthPolicy.OCCUPIED
                : MiddleBerthPolicy.LEFT_EMPTY);
    return view(service.book(rid, user.scope(), booking, b.reason(), b.expectedVersion()), user);
  }

  @GetMapping("/requests/{id}/events")
  public List<RequestEvent> events(
      @PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return service.events(visible(id, user).id());
  }

  @GetMapping("/escalations")
  public List<EscalationView> escalations(@AuthenticationPrincipal NmisUser user) {
    if (user.role() != org.nmis.model.access.Role.MINISTRY) {
      throw new ApiException(
          MovementError.ROLE_NOT_PERMITTED, "the escalation list is for MINISTRY users");
    }
    return service.escalations().stream()
        .map(
            o ->
                new EscalationView(
                    o.request().id().value(),
                    o.request().originStateCode(),
                    o.request().destinationStateCode(),
                    o.request().submittedAt(),
                    o.waiting().toHours()))
        .toList();
  }

  public record EscalationView(
      @JsonProperty("request_id") String requestId,
      @JsonProperty("origin_state_code") int originStateCode,
      @JsonProperty("destination_state_code") int destinationStateCode,
      @JsonProperty("submitted_at") Instant submittedAt,
      @JsonProperty("waiting_hours") long waitingHours) {}

  /** The manifest of a request, coach by coach, as JSON, or as CSV with {@code format=csv}. */
  @GetMapping("/requests/{id}/manifest")
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = ManifestView.class)),
        @Content(mediaType = "text/csv")
      })
  public ResponseEntity<?> manifest(
      @PathVariable String id,
      @RequestParam(value = "format", defaultValue = "json") String format,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    MovementRequest r = visible(id, user);
    Manifest m =
        service
            .manifestOf(r.id())
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.NO_MANIFEST,
                        "request "
                            + r.id()
                            + " has no manifest yet; Railways or the origin state generates it"
                            + " after the train is booked (POST .../manifest)"));
    boolean names = views.shows(PolicyProjection.MANIFEST_LINES, "name", user.scope());
    ManifestView view =
        ManifestView.of(r, m, this::nameOf, line -> views.manifestLine(r, line, user.scope()));
    audit.record(
        AuditEvent.of(
            user,
            "movement.manifest",
            Map.of("request_id", r.id().value(), "format", format, "names", String.valueOf(names)),
            m.lines().size(),
            "OK",
            t0));
    if (format.equalsIgnoreCase("csv")) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header("Content-Disposition", "attachment; filename=\"manifest-" + r.id() + ".csv\"")
          .body(view.csv());
    }
    return ResponseEntity.ok(view);
  }

  private String nameOf(PersonId id) {
    return index.byPersonId(id).map(s -> s.registration().name()).orElse("");
  }

  private MovementRequest visible(String id, NmisUser user) {
    return requests.get(id, user.scope());
  }

  /**
   * The registrations that match the selection and travel by the request's mode (a bus passenger is
   * no train's).
   */
  private List<PersonId> select(
      AccessScope actor, int destinationState, TravelMode mode, Selection s) {
    if (s == null) {
      throw bad(
          "passengers",
          "a list of person IDs, or a selection {origin_district_code, destination_district_code,"
              + " travel_date}");
    }
    Integer originDistrict =
        actor.districtCode() != null ? actor.districtCode() : s.originDistrictCode();
    List<PersonId> ids = new ArrayList<>();
    for (StoredRegistration st :
        index.matching(
            r ->
                r.originStateCode() == actor.stateCode()
                    && r.destinationStateCode() == destinationState
                    && r.mode() == mode
                    && (originDistrict == null || r.originDistrictCode() == originDistrict)
                    && (s.destinationDistrictCode() == null
                        || r.destinationDistrictCode() == s.destinationDistrictCode())
                    && (s.travelDate() == null || r.travelDate().equals(s.travelDate())))) {
      ids.add(st.personId());
    }
    ids.sort(java.util.Comparator.comparing(PersonId::value));
    return ids;
  }

  private static Set<RequestStatus> statuses(String status) {
    if (status == null || status.isBlank()) {
      return EnumSet.allOf(RequestStatus.class);
    }
    Set<RequestStatus> wanted = EnumSet.noneOf(RequestStatus.class);
    for (String s : status.split(",")) {
      try {
        wanted.add(RequestStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw bad(
            "status",
            "one or more of " + Arrays.toString(RequestStatus.values()) + ", separated by commas");
      }
    }
    return wanted;
  }

  private static int capacity(CommandBody b) {
    if (b.quarantineCapacity() == null) {
      throw bad("quarantine_capacity", "the quarantine places ready for these people");
    }
    return b.quarantineCapacity();
  }

  private static List<PersonId> personIds(List<String> values) {
    List<PersonId> ids = new ArrayList<>(values.size());
    for (String v : values) {
      ids.add(
          PersonId.parse(v)
              .orElseThrow(
                  () ->
                      new ApiException(
                          ApiError.INVALID_PERSON_ID,
                          "'" + v + "' is not a person ID (XXXXX-XXXXX with a check character)")));
    }
    return ids;
  }

  private static ApiException bad(String field, String expected) {
    return new ApiException(
        ApiError.MISSING_OR_INVALID_FIELD,
        "field '" + field + "' is missing or invalid; send " + expected);
  }

  private RequestView view(MovementRequest r, NmisUser user) {
    return RequestView.of(r, service.reachedAt(r.id()), service.manifestOf(r.id()).orElse(null));
  }

  /** A request as the API shows it (person IDs, no names). */
  public record RequestView(
      @JsonProperty("request_id") String requestId,
      String status,
      long version,
      @JsonProperty("origin_state_code") int originStateCode,
      @JsonProperty("origin_district_code") Integer originDistrictCode,
      @JsonProperty("destination_state_code") int destinationStateCode,
      @JsonProperty("proposed_date") LocalDate proposedDate,
      String mode,
      @JsonProperty("origin_station") String originStation,
      @JsonProperty("passenger_count") int passengerCount,
      List<String> passengers,
      Map<String, Object> decision,
      Map<String, Object> train,
      Map<String, Object> manifest,
      @JsonProperty("created_by") String createdBy,
      Map<String, Instant> timeline) {
    static RequestView of(MovementRequest r, Map<RequestStatus, Instant> reached, Manifest m) {
      Map<String, Object> decision = null;
      if (r.decision() != null) {
        decision = new LinkedHashMap<>();
        decision.put("accepted_count", r.decision().acceptedCount());
        decision.put(
            "accepted_persons", r.acceptedPersons().stream().map(PersonId::value).toList());
        decision.put("quarantine_capacity", r.decision().quarantineCapacity());
        decision.put("facility_notes", r.decision().facilityNotes());
        decision.put("noc_number", r.decision().nocNumber());
      }
      Map<String, Object> train = null;
      if (r.booking() != null) {
        TrainBooking b = r.booking();
        train = new LinkedHashMap<>();
        train.put("train_number", b.trainNumber());
        train.put("date", b.date());
        train.put("origin_station", b.originStationCode());
        train.put("destination_station", b.destinationStationCode());
        train.put("rake", Manifests.describe(b.rake()));
        train.put("middle_berths_empty", b.middleBerths() == MiddleBerthPolicy.LEFT_EMPTY);
        train.put("capacity", b.capacity());
      }
      Map<String, Object> manifest =
          m == null ? null : Map.of("placed", m.placed(), "not_seated", m.overflow().size());
      Map<String, Instant> timeline = new LinkedHashMap<>();
      timeline.put("CREATED", r.createdAt());
      reached.forEach((k, v) -> timeline.put(k.name(), v));
      return new RequestView(
          r.id().value(),
          r.status().name(),
          r.version(),
          r.originStateCode(),
          r.originDistrictCode(),
          r.destinationStateCode(),
          r.proposal().proposedDate(),
          r.proposal().mode().name(),
          r.proposal().originStationCode(),
          r.proposal().passengers().size(),
          r.proposal().passengers().stream().map(PersonId::value).toList(),
          decision,
          train,
          manifest,
          r.createdBy(),
          timeline);
    }

    /** The same request without its person lists. */
    RequestView summary() {
      Map<String, Object> d = null;
      if (decision != null) {
        d = new LinkedHashMap<>(decision);
        d.remove("accepted_persons");
      }
      return new RequestView(
          requestId,
          status,
          version,
          originStateCode,
          originDistrictCode,
          destinationStateCode,
          proposedDate,
          mode,
          originStation,
          passengerCount,
          null,
          d,
          train,
          manifest,
          createdBy,
          timeline);
    }
  }

  /** A manifest coach by coach; names only for those who may see them. */
  public record ManifestView(
      @JsonProperty("request_id") String requestId,
      @JsonProperty("train_number") String trainNumber,
      LocalDate date,
      List<CoachView> coaches,
      @JsonProperty("not_seated") List<Map<String, Object>> notSeated,
      @JsonProperty("counts_by_destination_district") Map<Integer, Integer> countsByDistrict) {
    public record CoachView(
        String coach,
        int capacity,
        int occupied,
        @JsonProperty("counts_by_destination_district") Map<Integer, Integer> countsByDistrict,
        List<Map<String, Object>> berths) {}

    /** {@code shown} is the policy's projection of one line: the columns the caller may see. */
    public static ManifestView of(
        MovementRequest r,
        Manifest m,
        java.util.function.Function<PersonId, String> nameOf,
        java.util.function.Function<Map<String, Object>, java.util.Optional<Map<String, Object>>>
            shown) {
      List<CoachView> coaches = new ArrayList<>();
      for (CoachManifest c : m.coaches()) {
        List<Map<String, Object>> berths = new ArrayList<>();
        for (ManifestLine l : c.lines()) {
          Map<String, Object> row = traveller(l.traveller(), nameOf);
          row.put("berth", l.berth());
          row.put("berth_type", l.berthType().name());
          shown.apply(row).ifPresent(berths::add);
        }
        coaches.add(
            new CoachView(c.coach(), c.capacity(), c.occupied(), c.countsByDistrict(), berths));
      }
      List<Map<String, Object>> notSeated = new ArrayList<>();
      for (Overflow o : m.overflow()) {
        Map<String, Object> row = traveller(o.traveller(), nameOf);
        row.put("reason", o.reason().name());
        row.put("detail", o.detail());
        shown.apply(row).ifPresent(notSeated::add);
      }
      return new ManifestView(
          r.id().value(),
          r.booking().trainNumber(),
          r.booking().date(),
          coaches,
          notSeated,
          m.countsByDistrict());
    }

    private static Map<String, Object> traveller(
        org.nmis.movement.allocation.Traveller t,
        java.util.function.Function<PersonId, String> nameOf) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("traveller", t.id());
      row.put("person_id", t.registrant().value());
      String name = nameOf.apply(t.registrant());
      row.put("name", t.companion() == 0 ? name : name + " +" + t.companion());
      row.put("age", t.age());
      row.put("gender", t.gender() == null ? null : t.gender().name());
      row.put("destination_district_code", t.destinationDistrictCode());
      return row;
    }

    String csv() {
      StringBuilder sb =
          new StringBuilder(
              "coach,berth,berth_type,traveller,person_id,name,age,gender,"
                  + "destination_district_code\n");
      for (CoachView c : coaches) {
        for (Map<String, Object> b : c.berths()) {
          sb.append(c.coach())
              .append(',')
              .append(b.get("berth"))
              .append(',')
              .append(b.get("berth_type"))
              .append(',')
              .append(b.get("traveller"))
              .append(',')
              .append(b.get("person_id"))
              .append(',')
              .append(csvText(b.get("name")))
              .append(',')
              .append(b.get("age") == null ? "" : b.get("age"))
              .append(',')
              .append(b.get("gender") == null ? "" : b.get("gender"))
              .append(',')
              .append(b.get("destination_district_code"))
              .append('\n');
        }
      }
      return sb.toString();
    }

    private static String csvText(Object v) {
      if (v == null) {
        return "";
      }
      String s = v.toString();
      return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
  }
}
