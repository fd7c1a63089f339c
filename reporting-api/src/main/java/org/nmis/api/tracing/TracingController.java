package org.nmis.api.tracing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.servlet.http.HttpServletResponse;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.bulk.BulkCsv;
import org.nmis.tracing.bulk.BulkReport;
import org.nmis.tracing.bulk.BulkTrace;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.limits.RateDecision;
import org.nmis.tracing.limits.RateLimiter;
import org.nmis.tracing.lookup.NameResults;
import org.nmis.tracing.lookup.PersonLookup;
import org.nmis.tracing.lookup.TracedPerson;
import org.springframework.http.HttpStatus;
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
 * Contact tracing for HEALTH users: lookups by mobile, person ID or name and district; co-travellers by exposure
 * level; bulk follow-up lists by destination district. Every call needs a case reference or purpose, is rate
 * limited per user, and leaves an audit row (who, what was asked, how many people were returned).
 */
@RestController
@RequestMapping("/api/v1/tracing")
public class TracingController {
  private final PersonLookup lookup;
  private final TracingIndex index;
  private final BulkTrace bulk;
  private final RateLimiter limiter;
  private final AuditLog audit;
  /** Without from/to, every journey counts: from the first registrations (2020) to a year ahead. */
  private static final LocalDate ALL_FROM = LocalDate.of(2020, 1, 1);

  private final Map<String, BulkJob> jobs = new ConcurrentHashMap<>();
  private final ExecutorService bulkRunner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "nmis-tracing-bulk");
    t.setDaemon(true);
    return t;
  });

  public TracingController(PersonLookup lookup, TracingIndex index, BulkTrace bulk, RateLimiter limiter,
      AuditLog audit) {
    this.lookup = lookup;
    this.index = index;
    this.bulk = bulk;
    this.limiter = limiter;
    this.audit = audit;
  }

  @GetMapping("/persons")
  public ResponseEntity<?> persons(@RequestParam(value = "mobile", required = false) String mobile,
      @RequestParam(value = "person_id", required = false) String personId,
      @RequestParam(value = "name", required = false) String name,
      @RequestParam(value = "district", required = false) Integer district,
      @RequestParam(value = "purpose", required = false) String purpose, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    String why = purpose(purpose);
    admit(user);
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("purpose", why);
    try {
      if (mobile != null) {
        asked.put("mobile", MobileNumbers.mask(mobile));
        List<TracedPerson> found = lookup.byMobile(mobile);
        record(user, "tracing.by-mobile", asked, found.size(), "OK", t0);
        return ResponseEntity.ok(Map.of("count", found.size(), "persons", found));
      }
      if (personId != null) {
        asked.put("person_id", personId);
        Optional<TracedPerson> found = lookup.byPersonId(personId);
        record(user, "tracing.by-id", asked, found.isPresent() ? 1 : 0, found.isPresent() ? "OK" : "NOT_FOUND", t0);
        return ResponseEntity.ok(Map.of("count", found.isPresent() ? 1 : 0, "persons", found.stream().toList()));
      }
      if (name != null && district != null) {
        asked.put("name", name);
        asked.put("district", String.valueOf(district));
        NameResults found = lookup.byName(name, district);
        record(user, "tracing.by-name", asked, found.persons().size(), "OK", t0);
        return ResponseEntity.ok(found);
      }
    } catch (TracingException e) {
      record(user, "tracing.lookup", asked, 0, e.error().code(), t0);
      throw problem(e);
    }
    throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-TRC-010", "ask by mobile=..., person_id=..., or name=..."
        + " with district=CODE");
  }

  @GetMapping("/persons/{personId}/contacts")
  public ContactReport contacts(@PathVariable String personId,
      @RequestParam(value = "from", required = false) LocalDate from,
      @RequestParam(value = "to", required = false) LocalDate to,
      @RequestParam(value = "purpose", required = false) String purpose, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    String why = purpose(purpose);
    admit(user);
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("purpose", why);
    asked.put("person_id", personId);
    PersonId id = PersonId.parse(personId).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
        "INVALID_PERSON_ID", "'" + personId + "' is not a person ID (XXXXX-XXXXX with a check character)"));
    try {
      ContactReport report = index.contacts(id, from == null ? ALL_FROM : from, to == null ? allTo() : to);
      record(user, "tracing.contacts", asked, report.contacts().size(), "OK", t0);
      return report;
    } catch (TracingException e) {
      record(user, "tracing.contacts", asked, 0, e.error().code(), t0);
      throw problem(e);
    }
  }

  /** Index cases as JSON: {"index_cases": [...], "from": ..., "to": ..., "purpose": ...}. */
  public record BulkBody(@com.fasterxml.jackson.annotation.JsonProperty("index_cases") List<String> indexCases,
      LocalDate from, LocalDate to, String purpose) {}

  public record BulkStatus(@com.fasterxml.jackson.annotation.JsonProperty("job_id") String jobId, String state,
      @com.fasterxml.jackson.annotation.JsonProperty("index_cases") int indexCases,
      @com.fasterxml.jackson.annotation.JsonProperty("exposed_persons") Integer exposedPersons,
      Integer unresolved, String failure) {}

  @PostMapping("/bulk")
  public ResponseEntity<BulkStatus> bulk(@RequestBody BulkBody body, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    String why = purpose(body == null ? null : body.purpose());
    if (body.indexCases() == null || body.indexCases().isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-TRC-011", "send index_cases: a list of mobiles or"
          + " person IDs");
    }
    BulkJob job = new BulkJob("TB-" + UUID.randomUUID(), user.username(), body.indexCases().size());
    jobs.put(job.id, job);
    bulkRunner.submit(() -> {
      try {
        job.report = bulk.run(body.indexCases(), body.from() == null ? ALL_FROM : body.from(),
            body.to() == null ? allTo() : body.to());
        record(user, "tracing.bulk", Map.of("purpose", why, "job_id", job.id, "index_cases",
            String.valueOf(body.indexCases().size())), job.report.exposedPersons(), "OK", t0);
      } catch (RuntimeException e) {
        job.failure = e.getMessage();
        record(user, "tracing.bulk", Map.of("purpose", why, "job_id", job.id), 0, "FAILED", t0);
      }
    });
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(job.status());
  }

  @GetMapping("/bulk/{id}")
  public BulkStatus bulkStatus(@PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return job(id, user).status();
  }

  /** The follow-up list as CSV: every exposed person once, by destination district; unknown inputs at the end. */
  @GetMapping("/bulk/{id}/result")
  public void bulkResult(@PathVariable String id, @AuthenticationPrincipal NmisUser user,
      HttpServletResponse response) throws IOException {
    BulkJob job = job(id, user);
    if (job.report == null) {
      throw new ApiException(HttpStatus.CONFLICT, "NMIS-TRC-012", "job " + id + " is " + job.status().state()
          + "; ask again when it is DONE");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"follow-up-" + id + ".csv\"");
    try (OutputStream os = response.getOutputStream(); Writer out = new OutputStreamWriter(os,
        StandardCharsets.UTF_8)) {
      BulkCsv.write(job.report, out);
      BulkCsv.writeUnresolved(job.report, out);
    }
  }

  private BulkJob job(String id, NmisUser user) {
    BulkJob job = jobs.get(id);
    if (job == null || !job.owner.equals(user.username())) {
      throw new ApiException(HttpStatus.NOT_FOUND, "NMIS-TRC-013", "no tracing job " + id + " of yours");
    }
    return job;
  }

  private static final class BulkJob {
    final String id;
    final String owner;
    final int indexCases;
    volatile BulkReport report;
    volatile String failure;

    BulkJob(String id, String owner, int indexCases) {
      this.id = id;
      this.owner = owner;
      this.indexCases = indexCases;
    }

    BulkStatus status() {
      String state = failure != null ? "FAILED" : report != null ? "DONE" : "RUNNING";
      return new BulkStatus(id, state, indexCases, report == null ? null : report.exposedPersons(),
          report == null ? null : report.unresolved().size(), failure);
    }
  }

  private static LocalDate allTo() {
    return LocalDate.now().plusYears(1);
  }

  private static String purpose(String purpose) {
    if (purpose == null || purpose.isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-TRC-014", "every tracing request needs purpose: the"
          + " case reference or the reason for the lookup (it is written to the audit trail)");
    }
    return purpose.strip();
  }

  private void admit(NmisUser user) {
    RateDecision d = limiter.tryAcquire(user.username());
    if (!d.allowed()) {
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "NMIS-TRC-009", "more tracing lookups than your rate"
          + " limit allows; retry in " + d.retryAfterSeconds() + " s, or use a bulk job for many index cases");
    }
  }

  private static ApiException problem(TracingException e) {
    return new ApiException(HttpStatus.valueOf(e.error().httpStatus()), e.error().code(), e.detail());
  }

  private void record(NmisUser user, String action, Map<String, String> asked, long rows, String outcome, long t0) {
    audit.record(new AuditEvent(Instant.now(), user.username(), user.role().name(), user.principalLabel(), action,
        asked, rows, outcome, (System.nanoTime() - t0) / 1_000_000));
  }
}
