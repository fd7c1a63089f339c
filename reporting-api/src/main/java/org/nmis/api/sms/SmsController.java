package org.nmis.api.sms;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.csv.CsvWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMS alerts: Twilio's receipts and replies (signed, no user), the unreached lists for the
 * districts' nodal officers and the counts.
 */
@RestController
@RequestMapping("/api/v1/sms")
public class SmsController {
  private static final String SIGNATURE = "X-Twilio-Signature";
  private static final List<String> UNREACHED_COLUMNS =
      List.of(
          "district_code",
          "mobile",
          "names",
          "person_ids",
          "messages",
          "status",
          "error_code",
          "reason",
          "template_key",
          "updated_at");

  private final SmsDesk desk;
  private final AuditLog audit;

  public SmsController(SmsDesk desk, AuditLog audit) {
    this.desk = desk;
    this.audit = audit;
  }

  /** Twilio's status callback (form-encoded): 204, or 403 when the signature is not Twilio's. */
  @PostMapping(value = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public ResponseEntity<Void> status(
      HttpServletRequest request,
      @RequestHeader(value = SIGNATURE, required = false) String signature) {
    desk.receipt(form(request), signature);
    return ResponseEntity.noContent().build();
  }

  /** Twilio's incoming-message webhook: STOP opts the number out. 204, or 403 unsigned. */
  @PostMapping(value = "/inbound", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  public ResponseEntity<Void> inbound(
      HttpServletRequest request,
      @RequestHeader(value = SIGNATURE, required = false) String signature) {
    desk.inbound(form(request), signature);
    return ResponseEntity.noContent().build();
  }

  /**
   * The numbers none of whose messages arrived, to be called: JSON (default) or CSV. Names and full
   * numbers for the district's nodal officers; the ministry sees the last four digits.
   */
  @GetMapping("/unreached")
  public ResponseEntity<?> unreached(
      @RequestParam(value = "district", required = false) Integer district,
      @RequestParam(value = "format", defaultValue = "json") String format,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    if (!format.equalsIgnoreCase("json") && !format.equalsIgnoreCase("csv")) {
      throw new ApiException(
          ApiError.INVALID_PARAMETER, "format '" + format + "' is not one of json, csv");
    }
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("district", String.valueOf(district));
    List<Map<String, Object>> rows;
    try {
      rows = desk.unreached(user.scope(), district);
    } catch (ApiException e) {
      audit.record(AuditEvent.of(user, "sms.unreached", asked, 0, e.error().code(), t0));
      throw e;
    }
    audit.record(AuditEvent.of(user, "sms.unreached", asked, rows.size(), "OK", t0));
    if (format.equalsIgnoreCase("csv")) {
      StringBuilder csv = new StringBuilder();
      CsvWriter w = new CsvWriter(csv).row(UNREACHED_COLUMNS);
      for (Map<String, Object> r : rows) {
        w.row(UNREACHED_COLUMNS.stream().map(c -> r.getOrDefault(c, "")).toList());
      }
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .body(csv.toString());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("district", district);
    answer.put("count", rows.size());
    answer.put("unreached", rows);
    return ResponseEntity.ok(answer);
  }

  /** Counts by status and template of the messages the caller may count. */
  @GetMapping("/stats")
  public Map<String, Object> stats(@AuthenticationPrincipal NmisUser user) {
    return desk.stats(user.scope());
  }

  private static Map<String, String> form(HttpServletRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    request.getParameterMap().forEach((k, v) -> params.put(k, v.length == 0 ? "" : v[0]));
    return params;
  }
}
