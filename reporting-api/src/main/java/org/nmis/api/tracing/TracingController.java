package org.nmis.api.tracing;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.sms.alerts.Contact;
import org.nmis.sms.triggers.SmsTriggers;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.bulk.BulkCsv;
import org.nmis.tracing.bulk.BulkJobs;
import org.nmis.tracing.bulk.BulkReport;
import org.nmis.tracing.bulk.BulkXlsx;
import org.nmis.tracing.bulk.DistrictList;
import org.nmis.tracing.bulk.ExposedPerson;
import org.nmis.tracing.bulk.IndexCaseFile;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.limits.RateDecision;
import org.nmis.tracing.limits.RateLimiter;
import org.nmis.tracing.lookup.NameResults;
import org.nmis.tracing.lookup.PersonLookup;
import org.nmis.tracing.lookup.TracedPerson;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Contact tracing for HEALTH users: lookups by mobile, person ID or name and district;
 * co-travellers by exposure level; bulk follow-up lists by destination district. Every call needs a
 * case reference or purpose, is rate limited per user, and leaves an audit row (who, what was
 * asked, how many people were returned).
 */
@RestController
@RequestMapping("/api/v1/tracing")
public class TracingController {
  private final PersonLookup lookup;
  private final TracingIndex index;
  private final BulkJobs bulk;
  private final RateLimiter limiter;
  private final PolicyProjection views;
  private final AuditLog audit;
  private final SmsTriggers sms;

  /** Without from/to, every journey counts: from the first registrations (2020) to a year ahead. */
  private static final LocalDate ALL_FROM = LocalDate.of(2020, 1, 1);

  public TracingController(
      PersonLookup lookup,
      TracingIndex index,
      BulkJobs bulk,
      RateLimiter limiter,
      PolicyProjection views,
      AuditLog audit,
      SmsTriggers sms) {
    this.lookup = lookup;
    this.index = index;
    this.bulk = bulk;
    this.limiter = limiter;
    this.views = views;
    this.audit = audit;
    this.sms = sms;
  }

  @GetMapping("/persons")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = TracingDocs.Lookup.class)))
  public ResponseEntity<?> persons(
      @RequestParam(value = "mobile", required = false) String mobile,
      @RequestParam(value = "person_id", required = false) String personId,
      @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "district", required = false) Integer district,
      @RequestParam(value = "purpose", required = false) String purpose,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    Map<String, String> asked = admitted(purpose, user);
    try {
      if (mobile != null) {
        asked.put("mobile", MobileNumbers.mask(mobile));
        List<TracedPerson> found = lookup.byMobile(mobile);
        record(user, "tracing.by-mobile", asked, found.size(), "OK", t0);
        return ResponseEntity.ok(persons(found, user));
      }
      if (personId != null) {
        asked.put("person_id", personId);
        Optional<TracedPerson> found = lookup.byPersonId(personId);
        record(
            user,
            "tracing.by-id",
            asked,
            found.isPresent() ? 1 : 0,
            found.isPresent() ? "OK" : "NOT_FOUND",
            t0);
        return ResponseEntity.ok(persons(found.stream().toList(), user));
      }
      if (name != null && district != null) {
        asked.put("name", name);
        asked.put("district", String.valueOf(district));
        NameResults found = lookup.byName(name, district);
        record(user, "tracing.by-name", asked, found.persons().size(), "OK", t0);
        Map<String, Object> answer = persons(found.persons(), user);
        answer.put("total", found.total());
        answer.put("truncated", found.truncated());
        return ResponseEntity.ok(answer);
      }
    } catch (TracingException e) {
      record(user, "tracing.lookup", asked, 0, e.error().code(), t0);
      throw e;
    }
    throw new ApiException(
        TracingError.NO_LOOKUP_KEY,
        "ask by mobile=..., person_id=..., or name=..." + " with district=CODE");
  }

  @GetMapping("/persons/{personId}/contacts")
  public ContactReport contacts(
      @PathVariable String personId,
      @RequestParam(value = "from", required = false) LocalDate from,
      @RequestParam(value = "to", required = false) LocalDate to,
      @RequestParam(value = "purpose", required = false) String purpose,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    Map<String, String> asked = admitted(purpose, user);
    asked.put("person_id", personId);
    PersonId id =
        PersonId.parse(personId)
            .orElseThrow(
                () ->
                    new ApiException(
                        TracingError.INVALID_PERSON_ID,
                        "'"
                            + personId
                            + "' is not a person ID (XXXXX-XXXXX with a check character)"));
    try {
      ContactReport report =
          index.contacts(id, from == null ? ALL_FROM : from, to == null ? allTo() : to);
      ContactReport shown = views.contacts(report, user.scope());
      record(user, "tracing.contacts", asked, shown.contacts().size(), "OK", t0);
      return shown;
    } catch (TracingException e) {
      record(user, "tracing.contacts", asked, 0, e.error().code(), t0);
      throw e;
    }
  }

  /** Index cases as JSON: {"index_cases": [...], "from": ..., "to": ..., "purpose": ...}. */
  public record BulkBody(
      @com.fasterxml.jackson.annotation.JsonProperty("index_cases") List<String> indexCases,
      LocalDate from,
      LocalDate to,
      String purpose) {}

  public record BulkStatus(
      @com.fasterxml.jackson.annotation.JsonProperty("job_id") String jobId,
      String state,
      @com.fasterxml.jackson.annotation.JsonProperty("index_cases") int indexCases,
      @com.fasterxml.jackson.annotation.JsonProperty("exposed_persons") Integer exposedPersons,
      Integer unresolved,
      String failure) {}

  /**
   * One district's list, as {@code GET /bulk/{id}/districts} names it: where to fetch it, and its
   * size.
   */
  public record DistrictEntry(
      @com.fasterxml.jackson.annotation.JsonProperty("state_code") int stateCode,
      @com.fasterxml.jackson.annotation.JsonProperty("district_code") int districtCode,
      @com.fasterxml.jackson.annotation.JsonProperty("district_name") String districtName,
      @com.fasterxml.jackson.annotation.JsonProperty("exposed_persons") int exposedPersons,
      String result) {}

  public record BulkDistricts(
      @com.fasterxml.jackson.annotation.JsonProperty("job_id") String jobId,
      int count,
      List<DistrictEntry> districts) {}

  @PostMapping(value = "/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = BulkStatus.class)))
  public ResponseEntity<BulkStatus> bulk(
      @RequestBody BulkBody body, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    String why = purpose(body == null ? null : body.purpose(), user);
    admit(user);
    if (body.indexCases() == null || body.indexCases().isEmpty()) {
      throw new ApiException(
          TracingError.NO_INDEX_CASES_SENT,
          "send index_cases: a list of mobiles or" + " person IDs");
    }
    return start(body.indexCases(), body.from(), body.to(), why, "json", user, t0);
  }

  /**
   * Index cases as a CSV file (one mobile or person ID per line, in the first column) in the part
   * {@code file}, with {@code purpose}, {@code from} and {@code to} as form fields. A file that
   * cannot be a list of index cases is refused at once; a malformed line of a good file is reported
   * by the job, like a malformed JSON element.
   */
  @PostMapping(value = "/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = BulkStatus.class)))
  public ResponseEntity<BulkStatus> bulkFile(
      @RequestParam(value = "file", required = false) MultipartFile file,
      @RequestParam(value = "purpose", required = false) String purpose,
      @RequestParam(value = "from", required = false) LocalDate from,
      @RequestParam(value = "to", required = false) LocalDate to,
      @AuthenticationPrincipal NmisUser user)
      throws IOException {
    long t0 = System.nanoTime();
    String why = purpose(purpose, user);
    admit(user);
    if (file == null) {
      throw new ApiException(
          TracingError.NO_FILE_PART,
          "the upload has no part named file; send the"
              + " index cases as a CSV file in the form field file, one mobile or person ID per line");
    }
    List<String> cases;
    try (InputStream in = file.getInputStream()) {
      cases = IndexCaseFile.read(in);
    } catch (TracingException e) {
      record(
          user, "tracing.bulk", Map.of("purpose", why, "input", "file"), 0, e.error().code(), t0);
      throw e;
    }
    return start(cases, from, to, why, "file", user, t0);
  }

  /**
   * Both inputs end here: one job store, one audit row per job (written before the job shows DONE).
   */
  private ResponseEntity<BulkStatus> start(
      List<String> cases,
      LocalDate from,
      LocalDate to,
      String why,
      String input,
      NmisUser user,
      long t0) {
    BulkJobs.Job job =
        bulk.start(
            user.username(),
            why,
            cases,
            from == null ? ALL_FROM : from,
            to == null ? allTo() : to,
            outcome -> {
              Map<String, String> asked = new LinkedHashMap<>();
              asked.put("purpose", why);
              asked.put("job_id", outcome.jobId());
              asked.put("input", input);
              asked.put("index_cases", String.valueOf(cases.size()));
              record(
                  user,
                  "tracing.bulk",
                  asked,
                  outcome.report() == null ? 0 : outcome.report().exposedPersons(),
                  outcome.report() == null ? "FAILED" : "OK",
                  t0);
            });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(status(job));
  }

  @GetMapping("/bulk/{id}")
  public BulkStatus bulkStatus(@PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return status(job(id, user));
  }

  /**
   * The follow-up lists of a job, one per destination district, so that each district team fetches
   * its own.
   */
  @GetMapping("/bulk/{id}/districts")
  public BulkDistricts bulkDistricts(
      @PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    BulkReport report = views.followUp(report(job(id, user)), user.scope());
    List<DistrictEntry> entries =
        report.districts().stream()
            .map(
                d ->
                    new DistrictEntry(
                        d.stateCode(),
                        d.districtCode(),
                        d.districtName(),
                        d.persons().size(),
                        "/api/v1/tracing/bulk/" + id + "/result?district=" + d.districtCode()))
            .toList();
    return new BulkDistricts(id, entries.size(), entries);
  }

  /**
   * The follow-up lists: every exposed person once, by destination district. CSV (default): one
   * file, the unknown inputs at the end; XLSX: a sheet per district and one of the unknown inputs.
   * With {@code district}, only that district's list, without the unknown inputs (they are the job
   * owner's to correct, not the team's). Every download is audited: the lists carry names and
   * mobiles.
   */
  @GetMapping("/bulk/{id}/result")
  public void bulkResult(
      @PathVariable String id,
      @RequestParam(value = "format", defaultValue = "csv") String format,
      @RequestParam(value = "district", required = false) Integer district,
      @AuthenticationPrincipal NmisUser user,
      HttpServletResponse response)
      throws IOException {
    long t0 = System.nanoTime();
    BulkJobs.Job job = job(id, user);
    BulkReport report = views.followUp(report(job), user.scope());
    String kind = format.toLowerCase(Locale.ROOT);
    if (!kind.equals("csv") && !kind.equals("xlsx")) {
      throw new ApiException(
          TracingError.UNKNOWN_FORMAT,
          "format '"
              + format
              + "' is not one of csv,"
              + " xlsx; ask for format=csv (the default) or format=xlsx");
    }
    List<DistrictList> lists =
        district == null
            ? report.districts()
            : report.districts().stream().filter(d -> d.districtCode() == district).toList();
    if (district != null && lists.isEmpty()) {
      throw new ApiException(
          TracingError.NO_LIST_FOR_DISTRICT,
          "job "
              + id
              + " lists nobody going to district "
              + district
              + "; GET /api/v1/tracing/bulk/"
              + id
              + "/districts names the districts it has lists for");
    }
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("purpose", job.purpose());
    asked.put("job_id", id);
    asked.put("format", kind);
    asked.put("district", district == null ? "all" : String.valueOf(district));
    record(
        user,
        "tracing.bulk-result",
        asked,
        lists.stream().mapToLong(d -> d.persons().size()).sum(),
        "OK",
        t0);
    response.setContentType(kind.equals("csv") ? "text/csv;charset=UTF-8" : BulkXlsx.CONTENT_TYPE);
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"follow-up-"
            + id
            + (district == null ? "" : "-" + district)
            + "."
            + kind
            + "\"");
    try (OutputStream os = response.getOutputStream()) {
      if (kind.equals("xlsx") && district == null) {
        BulkXlsx.write(report, os);
      } else if (kind.equals("xlsx")) {
        BulkXlsx.writeDistricts(lists, os);
      } else {
        // Buffered: a list of a million persons is appended field by field.
        Writer out =
            new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
        BulkCsv.writeDistricts(lists, out);
        if (district == null) {
          BulkCsv.writeUnresolved(report, out);
        }
        out.flush();
      }
    }
  }

  /** What to send the exposed persons of a job: the purpose is required and audited. */
  public record FollowUpSmsBody(String purpose) {}

  public record FollowUpSmsAnswer(
      @com.fasterxml.jackson.annotation.JsonProperty("job_id") String jobId,
      int contacts,
      @com.fasterxml.jackson.annotation.JsonProperty("messages_added") int messagesAdded) {}

  /**
   * Puts the follow-up advice ("stay home until ...") in the SMS outbox for every exposed person of
   * a finished job the caller sees, one message per mobile number. Asked twice, it adds nothing.
   */
  @PostMapping(value = "/bulk/{id}/sms", consumes = MediaType.APPLICATION_JSON_VALUE)
  public FollowUpSmsAnswer bulkSms(
      @PathVariable String id,
      @RequestBody(required = false) FollowUpSmsBody body,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("job", id);
    try {
      asked.put("purpose", purpose(body == null ? null : body.purpose(), user));
      BulkReport report = views.followUp(report(job(id, user)), user.scope());
      List<Contact> contacts = new ArrayList<>();
      for (DistrictList d : report.districts()) {
        for (ExposedPerson p : d.persons()) {
          if (p.mobile() != null && !p.mobile().isBlank() && p.followUpUntil() != null) {
            contacts.add(
                new Contact(
                    p.personId().value(),
                    p.name(),
                    p.mobile(),
                    p.destinationStateCode(),
                    p.destinationDistrictCode(),
                    p.followUpUntil()));
          }
        }
      }
      int added = sms.followUp(id, contacts);
      record(user, "tracing.bulk.sms", asked, contacts.size(), "OK", t0);
      return new FollowUpSmsAnswer(id, contacts.size(), added);
    } catch (ApiException e) {
      record(user, "tracing.bulk.sms", asked, 0, e.error().code(), t0);
      throw e;
    }
  }

  private Map<String, Object> persons(List<TracedPerson> found, NmisUser user) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("count", found.size());
    answer.put("persons", found.stream().map(t -> views.traced(t, user.scope())).toList());
    return answer;
  }

  /** The job's lists, once it is DONE: they do not exist before. */
  private static BulkReport report(BulkJobs.Job job) {
    if (job.listsLost() && "DONE".equals(job.state())) {
      throw new ApiException(
          TracingError.LISTS_NOT_KEPT,
          "the lists of job "
              + job.id()
              + " were held in memory only (they carry names and mobiles) and the service has"
              + " restarted since; start the job again with the same index cases");
    }
    return job.report()
        .orElseThrow(
            () ->
                new ApiException(
                    TracingError.JOB_NOT_DONE,
                    "job " + job.id() + " is " + job.state() + "; ask again when it is DONE"));
  }

  private BulkJobs.Job job(String id, NmisUser user) {
    return bulk.get(id, user.username())
        .orElseThrow(
            () ->
                new ApiException(
                    TracingError.UNKNOWN_JOB,
                    "no tracing"
                        + " job "
                        + id
                        + " of yours; a finished job is kept for nmis.tracing.bulk-jobs-keep (24 h by default)"));
  }

  private static BulkStatus status(BulkJobs.Job job) {
    return new BulkStatus(
        job.id(),
        job.state(),
        job.indexCases(),
        job.exposedPersons().orElse(null),
        job.unresolved().orElse(null),
        job.failure().orElse(null));
  }

  private static LocalDate allTo() {
    return LocalDate.now().plusYears(1);
  }

  /** The purpose given; without one the request is refused, and the refusal audited. */
  private String purpose(String purpose, NmisUser user) {
    if (purpose == null || purpose.isBlank()) {
      record(
          user,
          "tracing.refused",
          Map.of(),
          0,
          TracingError.PURPOSE_REQUIRED.code(),
          System.nanoTime());
      throw new ApiException(
          TracingError.PURPOSE_REQUIRED,
          "every tracing request needs purpose: the"
              + " case reference or the reason for the lookup (it is written to the audit trail)");
    }
    return purpose.strip();
  }

  /**
   * A lookup with a purpose, within the rate limit: what was asked so far, for its audit record.
   */
  private Map<String, String> admitted(String purpose, NmisUser user) {
    String why = purpose(purpose, user);
    admit(user);
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("purpose", why);
    return asked;
  }

  private void admit(NmisUser user) {
    RateDecision d = limiter.tryAcquire(user.username());
    if (!d.allowed()) {
      // Hitting the limit is what harvesting looks like: the refusal is kept too.
      record(
          user,
          "tracing.refused",
          Map.of("retry_after_s", String.valueOf(d.retryAfterSeconds())),
          0,
          TracingError.RATE_LIMITED.code(),
          System.nanoTime());
      throw new ApiException(
          TracingError.RATE_LIMITED,
          "more tracing lookups than your rate"
              + " limit allows; retry in "
              + d.retryAfterSeconds()
              + " s, or use a bulk job for many index cases");
    }
  }

  private void record(
      NmisUser user, String action, Map<String, String> asked, long rows, String outcome, long t0) {
    audit.record(AuditEvent.of(user, action, asked, rows, outcome, t0));
  }
}
