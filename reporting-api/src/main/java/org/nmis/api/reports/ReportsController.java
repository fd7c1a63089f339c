package org.nmis.api.reports;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.movement.VisibleRequests;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.State;
import org.nmis.movement.request.MovementRequest;
import org.nmis.reports.EPassCard;
import org.nmis.reports.Reports;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * PDF documents: state and national summaries, coach-level manifests, NOC letters and e-pass cards.
 * Each is allowed by the policy (the summaries' own views, the request's or the pass's rule),
 * filled on the report threads (429 when they are all busy) and audited, refusals included.
 */
@RestController
public class ReportsController {
  /** A summary spans at most a year: longer ranges are a query for governed SQL. */
  static final int MAX_DAYS = 366;

  private static final String PDF = "application/pdf";

  private final ReportDocuments documents;
  private final Reports reports;
  private final ReportDownloads downloads;
  private final VisibleRequests requests;
  private final PolicyProjection views;
  private final ReferenceData reference;

  public ReportsController(
      ReportDocuments documents,
      Reports reports,
      ReportDownloads downloads,
      VisibleRequests requests,
      PolicyProjection views,
      ReferenceData reference) {
    this.documents = documents;
    this.reports = reports;
    this.downloads = downloads;
    this.requests = requests;
    this.views = views;
    this.reference = reference;
  }

  @GetMapping(value = "/api/v1/reports/state-summary.pdf", produces = PDF)
  @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF))
  public DeferredResult<ResponseEntity<byte[]>> stateSummary(
      @RequestParam("state") int state,
      @RequestParam("from") LocalDate from,
      @RequestParam("to") LocalDate to,
      @AuthenticationPrincipal NmisUser user) {
    Map<String, String> asked = asked("state", state, "from", from, "to", to);
    return downloads.download(
        "reports.state-summary",
        asked,
        user,
        () -> {
          range(from, to);
          State s =
              reference
                  .state(state)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ApiError.STATE_NOT_FOUND,
                              "no state or union territory has LGD code "
                                  + state
                                  + "; GET /api/v1/reference/states lists them"));
          if (!views.seesSummary(state, user.scope())) {
            throw new ApiException(
                ApiError.REPORT_NOT_PERMITTED,
                "the summary of "
                    + s.name()
                    + " is for that state's users and the ministry; you are "
                    + user.principalLabel());
          }
          return () ->
              new ReportDownloads.Pdf(
                  "state-summary-" + state + "-" + from + "-" + to + ".pdf",
                  reports.summary(documents.stateSummary(s, from, to, user)),
                  1);
        });
  }

  @GetMapping(value = "/api/v1/reports/national-summary.pdf", produces = PDF)
  @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF))
  public DeferredResult<ResponseEntity<byte[]>> nationalSummary(
      @RequestParam("from") LocalDate from,
      @RequestParam("to") LocalDate to,
      @AuthenticationPrincipal NmisUser user) {
    return downloads.download(
        "reports.national-summary",
        asked("from", from, "to", to),
        user,
        () -> {
          range(from, to);
          if (!views.seesSummary(null, user.scope())) {
            throw new ApiException(
                ApiError.REPORT_NOT_PERMITTED,
                "the national summary is for the ministry; you are " + user.principalLabel());
          }
          return () ->
              new ReportDownloads.Pdf(
                  "national-summary-" + from + "-" + to + ".pdf",
                  reports.summary(documents.nationalSummary(from, to, user)),
                  1);
        });
  }

  @GetMapping(value = "/api/v1/movement/requests/{id}/manifest.pdf", produces = PDF)
  @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF))
  public DeferredResult<ResponseEntity<byte[]>> manifest(
      @PathVariable String id,
      @RequestParam(value = "qr", defaultValue = "true") boolean qr,
      @AuthenticationPrincipal NmisUser user) {
    return downloads.download(
        "reports.manifest",
        asked("request_id", id, "qr", qr),
        user,
        () -> {
          MovementRequest r = requests.get(id, user.scope());
          return () -> {
            var m = documents.manifest(r, user, qr);
            return new ReportDownloads.Pdf(
                "manifest-" + m.trainNumber() + "-" + m.date() + "-" + r.id() + ".pdf",
                reports.manifest(m),
                m.passengers());
          };
        });
  }

  @GetMapping(value = "/api/v1/movement/requests/{id}/noc.pdf", produces = PDF)
  @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF))
  public DeferredResult<ResponseEntity<byte[]>> noc(
      @PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return downloads.download(
        "reports.noc",
        asked("request_id", id),
        user,
        () -> {
          MovementRequest r = requests.get(id, user.scope());
          return () -> {
            var n = documents.noc(r, user);
            return new ReportDownloads.Pdf(
                "noc-" + n.nocNumber() + ".pdf", reports.noc(n), n.acceptedByDistrict().size());
          };
        });
  }

  @GetMapping(value = "/api/v1/epasses/{personId}.pdf", produces = PDF)
  @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF))
  public DeferredResult<ResponseEntity<byte[]>> epasses(
      @PathVariable String personId, @AuthenticationPrincipal NmisUser user) {
    return downloads.download(
        "reports.epass",
        asked("person_id", personId),
        user,
        () -> {
          PersonId person =
              PersonId.parse(personId)
                  .orElseThrow(
                      () ->
                          new ApiException(
                              ApiError.INVALID_PERSON_ID,
                              "'"
                                  + personId
                                  + "' is not a person ID (XXXXX-XXXXX with a check character)"));
          return () -> {
            List<EPassCard> cards = documents.epasses(person, user);
            if (cards.isEmpty()) {
              throw new ApiException(
                  ApiError.NO_EPASS,
                  "no e-pass of "
                      + person
                      + " that you may hold; passes are issued with a manifest");
            }
            return new ReportDownloads.Pdf(
                "epass-" + person + ".pdf", reports.epasses(cards), cards.size());
          };
        });
  }

  private static void range(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new ApiException(
          ApiError.INVALID_DATE_RANGE, "to (" + to + ") is before from (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new ApiException(
          ApiError.INVALID_DATE_RANGE,
          "a summary covers at most "
              + MAX_DAYS
              + " days; "
              + from
              + " to "
              + to
              + " is longer. Ask for a shorter range or use /api/v1/sql");
    }
  }

  private static Map<String, String> asked(Object... keyValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put(String.valueOf(keyValues[i]), String.valueOf(keyValues[i + 1]));
    }
    return m;
  }
}
