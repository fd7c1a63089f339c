package org.nmis.api.persons;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.PersonErasure;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person (DPDP Act 2023, s.12), by the state that registered them or by MINISTRY, with
 * a reason. Every attempt is audited, refusals included; the audit trail (hash-chained) is the
 * register of erasures, and it keeps the person ID and the reason, never the name or the mobile.
 */
@RestController
@RequestMapping("/api/v1/persons")
public class ErasureController {
  private static final String ACTION = "persons.erasure";

  private final RegistrationIndex index;
  private final PolicyProjection views;
  private final PersonErasure erasure;
  private final AuditLog audit;

  public ErasureController(
      RegistrationIndex index, PolicyProjection views, PersonErasure erasure, AuditLog audit) {
    this.index = index;
    this.views = views;
    this.erasure = erasure;
    this.audit = audit;
  }

  /** Why the person is erased: the data principal's request, a court order, a duplicate... */
  public record ErasureBody(String reason) {}

  @PostMapping("/{personId}/erasure")
  public PersonErasure.Receipt erase(
      @PathVariable String personId,
      @RequestBody(required = false) ErasureBody body,
      @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    Map<String, String> asked = new LinkedHashMap<>();
    asked.put("person_id", personId);
    PersonId id =
        PersonId.parse(personId)
            .orElseThrow(
                () ->
                    refuse(
                        user,
                        asked,
                        t0,
                        ApiError.INVALID_PERSON_ID,
                        "'"
                            + personId
                            + "' is not a person ID (XXXXX-XXXXX with a check character)"));
    // Someone the caller may not see is not found, as in a lookup: no confirmation either way.
    StoredRegistration person =
        index
            .byPersonId(id)
            .filter(s -> views.person(s, user.scope()).isPresent())
            .orElseThrow(
                () ->
                    refuse(
                        user,
                        asked,
                        t0,
                        ApiError.PERSON_NOT_FOUND,
                        "no person " + id.value() + " in your jurisdiction"));
    if (!PersonErasure.mayErase(user.scope(), person)) {
      throw refuse(
          user,
          asked,
          t0,
          ApiError.ERASURE_NOT_PERMITTED,
          "only the state that registered "
              + id.value()
              + " (state "
              + person.registration().sourceStateCode()
              + ") or MINISTRY may erase them; ask that state's nodal officer");
    }
    String reason =
        PersonErasure.reason(body == null ? null : body.reason())
            .orElseThrow(
                () ->
                    refuse(
                        user,
                        asked,
                        t0,
                        ApiError.ERASURE_REASON_REQUIRED,
                        "an erasure needs a reason of 1 to "
                            + PersonErasure.MAX_REASON
                            + " characters in the body, {\"reason\": \"...\"}; it is kept in the"
                            + " audit trail"));
    asked.put("reason", reason);
    PersonErasure.Receipt receipt = erasure.erase(person, reason, user.scope());
    receipt.rowsRemoved().forEach((table, rows) -> asked.put("removed." + table, rows.toString()));
    audit.record(
        AuditEvent.of(
            user,
            ACTION,
            asked,
            receipt.rowsRemoved().values().stream().mapToLong(Long::longValue).sum(),
            "OK",
            t0));
    return receipt;
  }

  private ApiException refuse(
      NmisUser user, Map<String, String> asked, long t0, ApiError error, String detail) {
    audit.record(AuditEvent.of(user, ACTION, asked, 0, error.code(), t0));
    return new ApiException(error, detail);
  }
}
