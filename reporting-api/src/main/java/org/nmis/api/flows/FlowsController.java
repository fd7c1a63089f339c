package org.nmis.api.flows;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.serving.FlowIndex;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Origin-destination flows for dashboards, from the in-memory serving copy of {@code od_flows}
 * (never a Spark job per request), filtered by the same access policy as SQL: a STATE user sees the
 * flows leaving or reaching their state, a DISTRICT user their district's.
 */
@RestController
@RequestMapping("/api/v1/flows")
public class FlowsController {
  private final FlowIndex flows;
  private final PolicyProjection views;

  public FlowsController(FlowIndex flows, PolicyProjection views) {
    this.flows = flows;
    this.views = views;
  }

  public record FlowsAnswer(
      String level,
      LocalDate from,
      LocalDate to,
      long registrations,
      long persons,
      List<FlowIndex.Total> flows) {}

  @GetMapping
  @ApiResponse(
      responseCode = "200",
      content = {
        @Content(
            mediaType = "application/json",
            schema = @Schema(implementation = FlowsAnswer.class)),
        @Content(mediaType = "text/csv")
      })
  public ResponseEntity<?> flows(
      @RequestParam(value = "level", defaultValue = "state") String level,
      @RequestParam(value = "from", required = false) LocalDate from,
      @RequestParam(value = "to", required = false) LocalDate to,
      @RequestParam(value = "origin_state", required = false) Integer originState,
      @RequestParam(value = "destination_state", required = false) Integer destinationState,
      @RequestParam(value = "mode", required = false) String mode,
      @RequestParam(value = "format", defaultValue = "json") String format,
      @AuthenticationPrincipal NmisUser user) {
    FlowIndex.Level l =
        switch (level.toLowerCase(Locale.ROOT)) {
          case "state" -> FlowIndex.Level.STATE;
          case "district" -> FlowIndex.Level.DISTRICT;
          default ->
              throw new ApiException(
                  ApiError.INVALID_LEVEL, "level '" + level + "' is not one of state, district");
        };
    List<FlowIndex.Total> totals =
        flows.query(
            query(l, from, to, originState, destinationState, mode), views.flows(user.scope()));
    if (format.equalsIgnoreCase("csv")) {
      StringBuilder csv =
          new StringBuilder(
              "origin_state_code,origin_district_code,destination_state_code,"
                  + "destination_district_code,registrations,persons\n");
      for (FlowIndex.Total t : totals) {
        csv.append(t.originStateCode())
            .append(',')
            .append(t.originDistrictCode())
            .append(',')
            .append(t.destinationStateCode())
            .append(',')
            .append(t.destinationDistrictCode())
            .append(',')
            .append(t.registrations())
            .append(',')
            .append(t.persons())
            .append('\n');
      }
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .body(csv.toString());
    }
    return ResponseEntity.ok(
        new FlowsAnswer(
            l.name(),
            from,
            to,
            totals.stream().mapToLong(FlowIndex.Total::registrations).sum(),
            totals.stream().mapToLong(FlowIndex.Total::persons).sum(),
            totals));
  }

  public record DailyAnswer(LocalDate from, LocalDate to, long persons, List<FlowIndex.Day> days) {}

  /** Persons and registrations per travel date over the flows the caller may see. */
  @GetMapping("/daily")
  public DailyAnswer daily(
      @RequestParam(value = "from", required = false) LocalDate from,
      @RequestParam(value = "to", required = false) LocalDate to,
      @RequestParam(value = "origin_state", required = false) Integer originState,
      @RequestParam(value = "destination_state", required = false) Integer destinationState,
      @RequestParam(value = "mode", required = false) String mode,
      @AuthenticationPrincipal NmisUser user) {
    List<FlowIndex.Day> days =
        flows.daily(
            query(FlowIndex.Level.STATE, from, to, originState, destinationState, mode),
            views.flows(user.scope()));
    return new DailyAnswer(from, to, days.stream().mapToLong(FlowIndex.Day::persons).sum(), days);
  }

  private static FlowIndex.Query query(
      FlowIndex.Level level,
      LocalDate from,
      LocalDate to,
      Integer originState,
      Integer destinationState,
      String mode) {
    if (from != null && to != null && to.isBefore(from)) {
      throw new ApiException(
          ApiError.INVALID_DATE_RANGE, "to (" + to + ") is before from (" + from + ")");
    }
    return new FlowIndex.Query(
        level,
        from,
        to,
        originState,
        destinationState,
        mode == null ? null : mode.toUpperCase(Locale.ROOT));
  }
}
