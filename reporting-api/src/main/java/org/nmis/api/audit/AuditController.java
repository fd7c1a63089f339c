package org.nmis.api.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.ZoneId;
import org.nmis.api.security.NmisUser;
import org.nmis.model.audit.AuditChain;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail's own check, for AUDITOR (SecurityConfig): is a day's hash chain whole? */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditController {
  private final AuditVerifier verifier;

  public AuditController(AuditVerifier verifier) {
    this.verifier = verifier;
  }

  public record BrokenLink(String chain, long seq, String id, String reason) {}

  public record VerifyAnswer(
      LocalDate day,
      long rows,
      int chains,
      @JsonProperty("rows_without_chain") long unchained,
      boolean intact,
      @JsonProperty("first_broken") BrokenLink firstBroken) {}

  /** {@code day}: a day in India, today by default. */
  @GetMapping("/verify")
  public VerifyAnswer verify(
      @RequestParam(value = "day", required = false) LocalDate day,
      @AuthenticationPrincipal NmisUser user) {
    LocalDate d = day == null ? LocalDate.now(ZoneId.of("Asia/Kolkata")) : day;
    AuditChain.Verdict v = verifier.verify(d, user);
    AuditChain.Broken b = v.firstBroken();
    return new VerifyAnswer(
        d,
        v.rows(),
        v.chains(),
        v.unchained(),
        v.intact(),
        b == null ? null : new BrokenLink(b.chain(), b.seq(), b.id(), b.reason()));
  }
}
