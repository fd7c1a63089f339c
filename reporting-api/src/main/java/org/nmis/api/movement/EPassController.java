package org.nmis.api.movement;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.movement.epass.EPassVerification;
import org.nmis.movement.service.MovementService;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * E-passes of manifested passengers: a person's passes (with the QR-ready token), online
 * verification (signature, validity and revocation), and the public key (a JWK) with which a
 * station checker verifies offline.
 */
@RestController
@RequestMapping("/api/v1/epasses")
public class EPassController {
  private final MovementService service;
  private final String publicJwk;
  private final PolicyProjection views;
  private final AuditLog audit;

  public EPassController(
      MovementService service, EPassPublicKey publicKey, PolicyProjection views, AuditLog audit) {
    this.service = service;
    this.publicJwk = publicKey.jwk();
    this.views = views;
    this.audit = audit;
  }

  /** The verification key, published: anyone may verify a pass. */
  @GetMapping(value = "/public-key", produces = MediaType.APPLICATION_JSON_VALUE)
  public String publicKey() {
    return publicJwk;
  }

  @GetMapping("/{personId}")
  @ApiResponse(
      responseCode = "200",
      content = @Content(array = @ArraySchema(schema = @Schema(implementation = PassDoc.class))))
  public List<Map<String, Object>> passes(
      @PathVariable String personId, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    PersonId id =
        PersonId.parse(personId)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.INVALID_PERSON_ID,
                        "'"
                            + personId
                            + "' is not a person ID (XXXXX-XXXXX with a check character)"));
    List<Map<String, Object>> passes =
        service.passesOf(id).stream()
            .flatMap(
                p ->
                    service
                        .get(org.nmis.model.ids.RequestId.parse(p.requestId()).orElseThrow())
                        .flatMap(r -> views.epass(r, columns(p), user.scope()))
                        .stream())
            .toList();
    audit.record(
        AuditEvent.of(
            user, "epasses.by-person", Map.of("person_id", id.value()), passes.size(), "OK", t0));
    return passes;
  }

  private static Map<String, Object> columns(MovementService.IssuedPass p) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pass_id", p.passId());
    row.put("traveller_id", p.travellerId());
    row.put("request_id", p.requestId());
    row.put("train_number", p.trainNumber());
    row.put("date", p.date());
    row.put("coach", p.coach());
    row.put("berth", p.berth());
    row.put("valid_from", p.validFrom());
    row.put("valid_until", p.validUntil());
    row.put("status", p.status());
    row.put("revocation_reason", p.revocationReason());
    row.put("token", p.token());
    return row;
  }

  /**
   * The contract of an e-pass as {@code GET /{personId}} shows it: the policy's {@code
   * epass_tokens} columns. Documentation only: the answer is made by PolicyProjection.
   */
  public record PassDoc(
      @JsonProperty("pass_id") String passId,
      @JsonProperty("traveller_id") String travellerId,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("train_number") String trainNumber,
      LocalDate date,
      String coach,
      int berth,
      @JsonProperty("valid_from") Instant validFrom,
      @JsonProperty("valid_until") Instant validUntil,
      String status,
      @JsonProperty("revocation_reason") String revocationReason,
      String token) {}

  public record VerifyBody(String token) {}

  public record VerifyAnswer(
      String status,
      String reason,
      @JsonProperty("pass_id") String passId,
      @JsonProperty("traveller_id") String travellerId,
      @JsonProperty("request_id") String requestId,
      @JsonProperty("train_number") String trainNumber,
      String date,
      String coach,
      Integer berth,
      @JsonProperty("valid_until") Instant validUntil) {}

  @PostMapping("/verify")
  public VerifyAnswer verify(@RequestBody VerifyBody body) {
    if (body == null || body.token() == null || body.token().isBlank()) {
      throw new ApiException(
          ApiError.MISSING_TOKEN, "send {\"token\": \"...\"}, the text of the" + " pass's QR code");
    }
    EPassVerification v = service.verify(body.token().strip());
    var c = v.claims();
    return new VerifyAnswer(
        v.status().name(),
        v.reason() == null ? null : v.reason().name(),
        c == null ? null : c.passId(),
        c == null ? null : c.travellerId(),
        c == null ? null : c.requestId().value(),
        c == null ? null : c.trainNumber(),
        c == null ? null : c.date().toString(),
        c == null ? null : c.coach(),
        c == null ? null : c.berth(),
        c == null ? null : c.validUntil());
  }
}
