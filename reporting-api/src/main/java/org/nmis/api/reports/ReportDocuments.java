package org.nmis.api.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.movement.MovementController.ManifestView;
import org.nmis.api.security.NmisUser;
import org.nmis.api.sql.SqlQueries;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.PersonId;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.State;
import org.nmis.model.serving.FlowIndex;
import org.nmis.model.serving.FlowIndex.Flow;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.service.MovementService;
import org.nmis.movement.service.MovementService.IssuedPass;
import org.nmis.reports.Count;
import org.nmis.reports.EPassCard;
import org.nmis.reports.ManifestReport;
import org.nmis.reports.NocLetter;
import org.nmis.reports.SummaryReport;
import org.nmis.reports.SummaryReport.Day;
import org.nmis.reports.SummaryReport.Section;

/**
 * Gathers what a report shows, as the caller may see it: flows from the serving copy of {@code
 * od_flows} under its row rule (so a summary's totals are what governed SQL returns for the same
 * state and dates), movement requests the caller sees, rejected rows through governed SQL, and
 * manifest lines and e-passes projected by the policy. The reports module only lays them out.
 */
public class ReportDocuments {
  /** Corridors listed in a summary, busiest first. */
  static final int TOP_CORRIDORS = 10;

  private static final List<RequestStatus> TRAIN_RUN =
      List.of(RequestStatus.MANIFESTED, RequestStatus.DEPARTED, RequestStatus.ARRIVED);

  private final FlowIndex flows;
  private final AccessPolicy policy;
  private final PolicyProjection views;
  private final MovementService movement;
  private final RegistrationIndex registrations;
  private final SqlQueries sql;
  private final ReferenceData reference;
  private final Clock clock;

  public ReportDocuments(
      FlowIndex flows,
      AccessPolicy policy,
      PolicyProjection views,
      MovementService movement,
      RegistrationIndex registrations,
      SqlQueries sql,
      ReferenceData reference,
      Clock clock) {
    this.flows = flows;
    this.policy = policy;
    this.views = views;
    this.movement = movement;
    this.registrations = registrations;
    this.sql = sql;
    this.reference = reference;
    this.clock = clock;
  }

  /** The summary of one state: out of it and into it, by district. */
  public SummaryReport stateSummary(State state, LocalDate from, LocalDate to, NmisUser user) {
    int code = state.code();
    List<Flow> rows = visibleFlows(from, to, user);
    List<Flow> out = rows.stream().filter(f -> f.originStateCode() == code).toList();
    List<Flow> in = rows.stream().filter(f -> f.destinationStateCode() == code).toList();
    List<Flow> touching =
        rows.stream()
            .filter(f -> f.originStateCode() == code || f.destinationStateCode() == code)
            .toList();
    List<MovementRequest> requests =
        requests(
            user.scope(),
            from,
            to,
            r -> r.originStateCode() == code || r.destinationStateCode() == code);
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "Registrations out of " + state.name() + " by origin district",
            "Origin district",
            counts(out, f -> districtName(f.originDistrictCode()), Flow::registrations),
            null));
    sections.add(
        new Section(
            "Registrations into " + state.name() + " by destination district",
            "Destination district",
            counts(in, f -> districtName(f.destinationDistrictCode()), Flow::registrations),
            null));
    sections.add(corridors(touching));
    sections.add(requestsByStatus(requests));
    sections.add(rejects(" WHERE source_state_code = " + code, from, to, user));
    return new SummaryReport(
        "State summary: " + state.name(),
        "राज्य सारांश: "
            + (state.localName() == null
                    || state.localName().isBlank()
                    || !org.nmis.reports.Reports.printable(state.localName())
                ? state.name()
                : state.localName()),
        from,
        to,
        clock.instant(),
        user.scope().label(),
        headline(sum(out), sum(in), requests),
        sections,
        daily(from, to, out, in));
  }

  /** The national summary: every state's outflow and inflow. */
  public SummaryReport nationalSummary(LocalDate from, LocalDate to, NmisUser user) {
    List<Flow> rows = visibleFlows(from, to, user);
    List<MovementRequest> requests = requests(user.scope(), from, to, r -> true);
    List<Section> sections = new ArrayList<>();
    sections.add(
        new Section(
            "Registrations by origin state",
            "Origin state",
            counts(rows, f -> stateName(f.originStateCode()), Flow::registrations),
            null));
    sections.add(
        new Section(
            "Registrations by destination state",
            "Destination state",
            counts(rows, f -> stateName(f.destinationStateCode()), Flow::registrations),
            null));
    sections.add(corridors(rows));
    sections.add(requestsByStatus(requests));
    sections.add(rejects("", from, to, user));
    return new SummaryReport(
        "National summary",
        "राष्ट्रीय सारांश",
        from,
        to,
        clock.instant(),
        user.scope().label(),
        headline(sum(rows), sum(rows), requests),
        sections,
        daily(from, to, rows, rows));
  }

  /**
   * The coach-level manifest of a request the caller sees (the request was checked already); {@code
   * qrCodes} false leaves the berths' e-pass QR codes out (a list to read, filled in a third of the
   * time).
   */
  public ManifestReport manifest(MovementRequest r, NmisUser user, boolean qrCodes) {
    Manifest m = manifestOf(r);
    AccessScope scope = user.scope();
    ManifestView view = ManifestView.of(r, m, this::nameOf, l -> views.manifestLine(r, l, scope));
    boolean passIds = qrCodes && views.shows(PolicyProjection.EPASS_TOKENS, "pass_id", scope);
    Map<String, IssuedPass> passes = passIds ? movement.latestPassesOf(r.id()) : Map.of();
    List<ManifestReport.Berth> berths = new ArrayList<>();
    for (ManifestView.CoachView c : view.coaches()) {
      for (Map<String, Object> b : c.berths()) {
        IssuedPass pass = passes.get(String.valueOf(b.get("traveller")));
        berths.add(
            new ManifestReport.Berth(
                c.coach(),
                (Integer) b.get("berth"),
                text(b.get("berth_type")),
                text(b.get("name")),
                (Integer) b.get("age"),
                text(b.get("gender")),
                districtName((Integer) b.get("destination_district_code")),
                text(b.get("person_id")),
                pass == null ? null : pass.passId()));
      }
    }
    if (berths.isEmpty()) {
      throw new ApiException(
          ApiError.NO_MANIFEST,
          "the manifest of " + r.id() + " seats nobody you may see; there is nothing to print");
    }
    List<Count> byDistrict = new ArrayList<>();
    m.countsByDistrict().forEach((d, n) -> byDistrict.add(new Count(districtName(d), n)));
    return new ManifestReport(
        r.id().value(),
        r.booking().trainNumber(),
        r.booking().date(),
        station(r.booking().originStationCode()),
        station(r.booking().destinationStationCode()),
        stateName(r.originStateCode()),
        stateName(r.destinationStateCode()),
        r.nocNumber(),
        view.coaches().size(),
        byDistrict,
        berths,
        clock.instant(),
        scope.label());
  }

  /** The NOC of an accepted request the caller sees. */
  public NocLetter noc(MovementRequest r, NmisUser user) {
    if (r.nocNumber() == null) {
      throw new ApiException(
          ApiError.NO_NOC,
          "request "
              + r.id()
              + " has no NOC: it is "
              + r.status()
              + "; the destination state issues one when it accepts the request");
    }
    Map<String, Long> byDistrict = new TreeMap<>();
    for (PersonId p : r.acceptedPersons()) {
      registrations
          .byPersonId(p)
          .ifPresent(
              s ->
                  byDistrict.merge(
                      districtName(s.registration().destinationDistrictCode()),
                      1L + s.registration().personsAccompanying(),
                      Long::sum));
    }
    List<Count> counts = new ArrayList<>();
    byDistrict.forEach((d, n) -> counts.add(new Count(d, n)));
    // A registration no longer in the serving index still counts as one person.
    int persons =
        Math.max((int) counts.stream().mapToLong(Count::value).sum(), r.acceptedPersons().size());
    return new NocLetter(
        r.nocNumber(),
        stateName(r.destinationStateCode()),
        stateName(r.originStateCode()),
        r.id().value(),
        LocalDate.ofInstant(r.decidedAt(), org.nmis.reports.Reports.IST),
        r.proposal().proposedDate(),
        r.proposal().mode() == null ? null : r.proposal().mode().name(),
        r.acceptedPersons().size(),
        persons,
        r.decision().quarantineCapacity(),
        r.decision().facilityNotes(),
        counts,
        clock.instant(),
        user.scope().label());
  }

  /**
   * A person's e-passes (theirs and their companions') that the caller may hold, newest first; the
   * names as the manifest projection shows them to the caller.
   */
  public List<EPassCard> epasses(PersonId person, NmisUser user) {
    AccessScope scope = user.scope();
    List<EPassCard> cards = new ArrayList<>();
    for (IssuedPass p : movement.passesOf(person)) {
      Optional<MovementRequest> request =
          movement
              .get(org.nmis.model.ids.RequestId.parse(p.requestId()).orElseThrow())
              .filter(r -> views.sees(r, scope));
      if (request.isEmpty()) {
        continue;
      }
      MovementRequest r = request.get();
      Optional<Map<String, Object>> token =
          views.epass(r, Map.of("token", p.token(), "pass_id", p.passId()), scope);
      if (token.isEmpty() || token.get().get("token") == null) {
        continue;
      }
      Map<String, Object> line = travellerLine(r, p.travellerId(), scope);
      cards.add(
          new EPassCard(
              p.passId(),
              p.travellerId(),
              text(line.get("name")),
              (Integer) line.get("age"),
              text(line.get("gender")),
              p.trainNumber(),
              p.date(),
              station(r.booking().originStationCode()),
              station(r.booking().destinationStationCode()),
              districtName((Integer) line.get("destination_district_code")),
              p.coach(),
              p.berth(),
              p.validFrom(),
              p.validUntil(),
              "REVOKED".equals(p.status())
                  ? (p.revocationReason() == null ? "revoked" : p.revocationReason())
                  : null,
              String.valueOf(token.get().get("token"))));
    }
    return cards;
  }

  private Map<String, Object> travellerLine(MovementRequest r, String travellerId, AccessScope s) {
    ManifestView view =
        ManifestView.of(r, manifestOf(r), this::nameOf, l -> views.manifestLine(r, l, s));
    return view.coaches().stream()
        .flatMap(c -> c.berths().stream())
        .filter(b -> travellerId.equals(b.get("traveller")))
        .findFirst()
        .orElse(Map.of());
  }

  private Manifest manifestOf(MovementRequest r) {
    return movement
        .manifestOf(r.id())
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.NO_MANIFEST,
                    "request "
                        + r.id()
                        + " has no manifest yet; Railways or the origin state generates it after"
                        + " the train is booked (POST .../manifest)"));
  }

  private List<Flow> visibleFlows(LocalDate from, LocalDate to, NmisUser user) {
    return flows.rows(
        new FlowIndex.Query(FlowIndex.Level.DISTRICT, from, to, null, null, null),
        views.flows(user.scope()).rows());
  }

  /**
   * Requests the caller sees whose travel falls in the dates: the booked train's date, else the
   * proposed date.
   */
  private List<MovementRequest> requests(
      AccessScope scope, LocalDate from, LocalDate to, Predicate<MovementRequest> about) {
    return movement.all().stream()
        .filter(about)
        .filter(r -> views.sees(r, scope))
        .filter(
            r -> {
              LocalDate d = r.booking() != null ? r.booking().date() : r.proposal().proposedDate();
              return d != null && !d.isBefore(from) && !d.isAfter(to);
            })
        .toList();
  }

  private static List<Count> headline(long out, long in, List<MovementRequest> requests) {
    List<MovementRequest> run =
        requests.stream().filter(r -> TRAIN_RUN.contains(r.status())).toList();
    return List.of(
        new Count("Registrations out", out),
        new Count("Registrations in", in),
        new Count("Movement requests", requests.size()),
        new Count("Trains run", run.size()),
        new Count(
            "Passengers manifested",
            run.stream().mapToLong(r -> r.manifest() == null ? 0 : r.manifest().placed()).sum()));
  }

  private Section corridors(List<Flow> rows) {
    List<Count> all =
        counts(
            rows,
            f -> stateName(f.originStateCode()) + " → " + stateName(f.destinationStateCode()),
            Flow::registrations);
    return new Section(
        "Top corridors (registrations)",
        "Origin state → destination state",
        all.subList(0, Math.min(TOP_CORRIDORS, all.size())),
        null);
  }

  private static Section requestsByStatus(List<MovementRequest> requests) {
    Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
    requests.forEach(r -> byStatus.merge(r.status(), 1L, Long::sum));
    List<Count> rows = new ArrayList<>();
    byStatus.forEach((s, n) -> rows.add(new Count(s.name(), n)));
    return new Section(
        "Movement requests by status", "Status", rows, "No movement requests in this period.");
  }

  /**
   * Rejected rows by their first error code, through governed SQL as the caller: the policy decides
   * whether and which rejects they see, and the query is audited like any other.
   */
  private Section rejects(String where, LocalDate from, LocalDate to, NmisUser user) {
    String title = "Rejected rows by first error code (received in the period)";
    if (policy.rule("registration_rejects", user.role()).isEmpty()) {
      return new Section(
          title, "Error code", List.of(), "Role " + user.role() + " may not read rejected rows.");
    }
    String query =
        "SELECT error_codes[0] AS code, count(*) AS n FROM registration_rejects"
            + (where.isEmpty() ? " WHERE" : where + " AND")
            + " received_date BETWEEN DATE '"
            + from
            + "' AND DATE '"
            + to
            + "' GROUP BY error_codes[0] ORDER BY n DESC";
    List<Count> rows = new ArrayList<>();
    for (List<Object> row : sql.json(query, user, null).rows()) {
      rows.add(
          new Count(
              row.get(0) == null ? "(none)" : row.get(0).toString(),
              ((Number) row.get(1)).longValue()));
    }
    return new Section(title, "Error code", rows, "No rejected rows.");
  }

  private static List<Day> daily(LocalDate from, LocalDate to, List<Flow> out, List<Flow> in) {
    TreeMap<LocalDate, long[]> days = new TreeMap<>();
    out.forEach(f -> days.computeIfAbsent(f.travelDate(), d -> new long[2])[0] += f.persons());
    in.forEach(f -> days.computeIfAbsent(f.travelDate(), d -> new long[2])[1] += f.persons());
    List<Day> list = new ArrayList<>();
    days.forEach((d, n) -> list.add(new Day(d, n[0], n[1])));
    return list;
  }

  private static List<Count> counts(
      List<Flow> rows,
      Function<Flow, String> label,
      java.util.function.ToLongFunction<Flow> value) {
    Map<String, Long> sums = new TreeMap<>();
    rows.forEach(f -> sums.merge(label.apply(f), value.applyAsLong(f), Long::sum));
    List<Count> out = new ArrayList<>();
    sums.forEach((k, v) -> out.add(new Count(k, v)));
    out.sort(Comparator.comparingLong(Count::value).reversed().thenComparing(Count::label));
    return out;
  }

  private static long sum(List<Flow> rows) {
    return rows.stream().mapToLong(Flow::registrations).sum();
  }

  private String nameOf(PersonId id) {
    return registrations.byPersonId(id).map(s -> s.registration().name()).orElse("");
  }

  private String stateName(int code) {
    return reference.state(code).map(State::name).orElse("state " + code);
  }

  private String districtName(Integer code) {
    if (code == null) {
      return "";
    }
    return reference.district(code).map(District::name).orElse("district " + code);
  }

  private String station(String code) {
    return reference.station(code).map(s -> s.name() + " (" + code + ")").orElse(code);
  }

  private static String text(Object v) {
    return v == null ? null : v.toString();
  }
}
