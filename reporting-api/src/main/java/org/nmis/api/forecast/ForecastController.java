package org.nmis.api.forecast;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.forecast.Backtest;
import org.nmis.forecast.ForecastRow;
import org.nmis.forecast.QuarantineRow;
import org.nmis.model.csv.CsvWriter;
import org.nmis.model.reference.ReferenceData;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Return-journey forecasts for planners: the latest run's expected travellers per corridor and day
 * with intervals and trains needed, and the quarantine plan of the destination districts, as the
 * access policy's {@code return_forecast} and {@code quarantine_plan} rules let the caller see
 * them; and a run on demand for the ministry.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
public class ForecastController {
  private static final List<String> COLUMNS =
      List.of(
          "origin_state_code",
          "origin_state",
          "destination_state_code",
          "destination_state",
          "destination_district_code",
          "destination_district",
          "travel_date",
          "horizon",
          "expected",
          "low_80",
          "high_80",
          "low_95",
          "high_95",
          "registered",
          "booked",
          "trains_needed");

  private static final List<String> QUARANTINE_COLUMNS =
      List.of(
          "destination_state_code",
          "destination_state",
          "destination_district_code",
          "destination_district",
          "plan_date",
          "horizon",
          "expected_arrivals",
          "high_arrivals",
          "expected_in_quarantine",
          "high_in_quarantine",
          "declared_places",
          "shortfall",
          "overloaded",
          "status");

  private final ForecastDesk desk;
  private final PolicyProjection views;
  private final ReferenceData reference;

  public ForecastController(ForecastDesk desk, PolicyProjection views, ReferenceData reference) {
    this.desk = desk;
    this.views = views;
    this.reference = reference;
  }

  public record RunBody(@com.fasterxml.jackson.annotation.JsonProperty("as_of") LocalDate asOf) {}

  /**
   * The latest forecast: every corridor the caller may see (filter by {@code origin_state}, {@code
   * destination_state}), {@code days} days of it (all by default), with {@code districts=true} the
   * destination districts of the busiest corridors instead of whole corridors. JSON or CSV.
   */
  @GetMapping("/returns")
  public ResponseEntity<?> returns(
      @RequestParam(value = "origin_state", required = false) Integer originState,
      @RequestParam(value = "destination_state", required = false) Integer destinationState,
      @RequestParam(value = "days", required = false) Integer days,
      @RequestParam(value = "districts", defaultValue = "false") boolean districts,
      @RequestParam(value = "format", defaultValue = "json") String format,
      @AuthenticationPrincipal NmisUser user) {
    ForecastDesk.Run run = latest(format, days);
    Predicate<ForecastRow> visible = views.forecasts(user.scope());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ForecastRow f : run.result().rows()) {
      if ((f.corridor().destinationDistrictCode() != null) == districts
          && (originState == null || originState == f.corridor().originStateCode())
          && (destinationState == null || destinationState == f.corridor().destinationStateCode())
          && (days == null || f.day().horizon() <= days)
          && visible.test(f)) {
        rows.add(row(f));
      }
    }
    if (format.equalsIgnoreCase("csv")) {
      return csv(COLUMNS, rows);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("as_of", run.asOf().toString());
    answer.put("generated_at", run.generatedAt().toString());
    answer.put("seats_per_train", desk.seatsPerTrain());
    answer.put("method", "damped-trend smoothing with pooled weekday factors; docs/FORECAST.md");
    answer.put("backtest", backtest(run.result().backtest()));
    answer.put("count", rows.size());
    answer.put("forecasts", rows);
    return ResponseEntity.ok(answer);
  }

  /**
   * The latest run's quarantine plan: for each destination district the caller may see (filter by
   * {@code destination_state}, {@code district}; {@code overloaded=true} for the days with more
   * people expected in quarantine than declared places), the people expected in quarantine per day
   * against the places declared, overloaded districts first. JSON or CSV.
   */
  @GetMapping("/quarantine")
  public ResponseEntity<?> quarantine(
      @RequestParam(value = "destination_state", required = false) Integer destinationState,
      @RequestParam(value = "district", required = false) Integer district,
      @RequestParam(value = "days", required = false) Integer days,
      @RequestParam(value = "overloaded", defaultValue = "false") boolean overloadedOnly,
      @RequestParam(value = "format", defaultValue = "json") String format,
      @AuthenticationPrincipal NmisUser user) {
    ForecastDesk.Run run = latest(format, days);
    Predicate<QuarantineRow> visible = views.quarantine(user.scope());
    List<Map<String, Object>> rows = new ArrayList<>();
    Map<QuarantineRow.Status, Set<Integer>> districtsBy =
        new java.util.EnumMap<>(QuarantineRow.Status.class);
    for (QuarantineRow q : run.result().quarantine()) {
      if ((destinationState == null || destinationState == q.destination().stateCode())
          && (district == null || district == q.destination().districtCode())
          && (days == null || q.horizon() <= days)
          && (!overloadedOnly || q.overloaded())
          && visible.test(q)) {
        rows.add(row(q));
        if (q.overloaded()) {
          districtsBy
              .computeIfAbsent(q.status(), k -> new TreeSet<>())
              .add(q.destination().districtCode());
        }
      }
    }
    if (format.equalsIgnoreCase("csv")) {
      return csv(QUARANTINE_COLUMNS, rows);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("as_of", run.asOf().toString());
    answer.put("generated_at", run.generatedAt().toString());
    answer.put("quarantine_days", desk.quarantineDays());
    answer.put(
        "method",
        "people arrived or expected within the quarantine period against the most places the"
            + " state's acceptances declared at once; docs/FORECAST.md");
    answer.put(
        "overloaded_districts",
        districtsBy.getOrDefault(QuarantineRow.Status.OVERLOADED, Set.of()).size());
    answer.put(
        "districts_without_places",
        districtsBy.getOrDefault(QuarantineRow.Status.NO_PLACES_DECLARED, Set.of()).size());
    answer.put("count", rows.size());
    answer.put("plan", rows);
    return ResponseEntity.ok(answer);
  }

  /** Runs the forecast now (MINISTRY), as of {@code as_of} or the configured date. */
  @PostMapping("/run")
  public Map<String, Object> run(
      @RequestBody(required = false) RunBody body, @AuthenticationPrincipal NmisUser user) {
    if (!views.mayRead(PolicyProjection.FORECAST_RUNS, user.scope())) {
      throw new ApiException(
          ApiError.FORBIDDEN,
          "only the ministry runs forecasts on demand; they also run every nmis.forecast.every");
    }
    ForecastDesk.Run run = desk.runNow(body == null ? null : body.asOf());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("as_of", run.asOf().toString());
    answer.put("rows", run.result().rows().size());
    answer.put("corridors", run.result().backtest().series());
    answer.put("quarantine_rows", run.result().quarantine().size());
    answer.put("millis", run.millis());
    return answer;
  }

  private Map<String, Object> row(ForecastRow f) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("origin_state_code", f.corridor().originStateCode());
    r.put("origin_state", stateName(f.corridor().originStateCode()));
    r.put("destination_state_code", f.corridor().destinationStateCode());
    r.put("destination_state", stateName(f.corridor().destinationStateCode()));
    Integer district = f.corridor().destinationDistrictCode();
    r.put("destination_district_code", district);
    r.put(
        "destination_district",
        district == null ? null : reference.district(district).map(d -> d.name()).orElse(null));
    r.put("travel_date", f.day().date().toString());
    r.put("horizon", f.day().horizon());
    r.put("expected", round(f.day().expected()));
    r.put("low_80", round(f.day().low80()));
    r.put("high_80", round(f.day().high80()));
    r.put("low_95", round(f.day().low95()));
    r.put("high_95", round(f.day().high95()));
    r.put("registered", round(f.day().known()));
    r.put("booked", round(f.booked()));
    r.put("trains_needed", f.trainsNeeded());
    return r;
  }

  private Map<String, Object> row(QuarantineRow q) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("destination_state_code", q.destination().stateCode());
    r.put("destination_state", stateName(q.destination().stateCode()));
    r.put("destination_district_code", q.destination().districtCode());
    r.put(
        "destination_district",
        reference.district(q.destination().districtCode()).map(d -> d.name()).orElse(null));
    r.put("plan_date", q.date().toString());
    r.put("horizon", q.horizon());
    r.put("expected_arrivals", round(q.expectedArrivals()));
    r.put("high_arrivals", round(q.highArrivals()));
    r.put("expected_in_quarantine", round(q.expectedInQuarantine()));
    r.put("high_in_quarantine", round(q.highInQuarantine()));
    r.put("declared_places", round(q.declaredPlaces()));
    r.put("shortfall", round(q.shortfall()));
    r.put("overloaded", q.overloaded());
    r.put("status", q.status().name());
    return r;
  }

  /** The latest run, once {@code format} and {@code days} are checked; 503 before the first. */
  private ForecastDesk.Run latest(String format, Integer days) {
    if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
      throw new ApiException(
          ApiError.INVALID_PARAMETER, "format '" + format + "' is not one of json, csv");
    }
    if (days != null && days < 1) {
      throw new ApiException(ApiError.INVALID_PARAMETER, "days must be 1 or more; got " + days);
    }
    return desk.latest()
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.FORECAST_NOT_READY,
                    "no forecast has run yet; the first runs nmis.forecast.first-run-after"
                        + " the start (2 minutes by default), or the ministry runs one with"
                        + " POST /api/v1/forecasts/run"));
  }

  private static ResponseEntity<String> csv(List<String> columns, List<Map<String, Object>> rows) {
    StringBuilder csv = new StringBuilder();
    CsvWriter w = new CsvWriter(csv).row(columns);
    for (Map<String, Object> r : rows) {
      w.row(columns.stream().map(c -> r.get(c) == null ? "" : r.get(c)).toList());
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toString());
  }

  private static List<Map<String, Object>> backtest(Backtest.Report b) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Backtest.HorizonRow h : b.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("horizon", h.horizon());
      r.put("model_mae", round(h.model().mae()));
      r.put("model_mape", round(h.model().mape()));
      r.put("last_week_mae", round(h.lastWeek().mae()));
      r.put("same_weekday_mae", round(h.sameWeekday().mae()));
      r.put("coverage_80", round(h.coverage80()));
      r.put("coverage_95", round(h.coverage95()));
      out.add(r);
    }
    return out;
  }

  private String stateName(int code) {
    return reference.state(code).map(s -> s.name()).orElse(null);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
