package org.nmis.api.persons;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.serving.RegistrationIndex;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lookups of registered persons, answered from the in-memory serving index (never a Spark job per
 * request). People outside the caller's jurisdiction are answered as not found, so a lookup cannot
 * confirm that a number is registered elsewhere. Every lookup is audited, found or not.
 */
@RestController
@RequestMapping("/api/v1/persons")
public class PersonController {
  private final RegistrationIndex index;
  private final PolicyProjection views;
  private final AuditLog audit;

  public PersonController(RegistrationIndex index, PolicyProjection views, AuditLog audit) {
    this.index = index;
    this.views = views;
    this.audit = audit;
  }

  /**
   * Everyone registered with one number that the caller may see; the number as the caller may see
   * it.
   */
  public record MobileLookup(
      String mobile,
      int count,
      @ArraySchema(schema = @Schema(implementation = PersonDoc.class))
          List<Map<String, Object>> persons) {}

  @GetMapping("/{personId}")
  @ApiResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PersonDoc.class)))
  public Map<String, Object> byId(
      @PathVariable String personId, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    PersonId id =
        PersonId.parse(personId)
            .orElseThrow(
                () -> {
                  record(
                      user,
                      "persons.by-id",
                      Map.of("person_id", personId),
                      0,
                      ApiError.INVALID_PERSON_ID.code(),
                      t0);
                  return new ApiException(
                      ApiError.INVALID_PERSON_ID,
                      "'"
                          + personId
                          + "' is not a person ID: IDs have 10 characters (XXXXX-XXXXX) and the last one is a check character;"
                          + " one character is probably mistyped or two are swapped");
                });
    Map<String, Object> found =
        index.byPersonId(id).flatMap(s -> views.person(s, user.scope())).orElse(null);
    record(
        user,
        "persons.by-id",
        Map.of("person_id", id.value()),
        found == null ? 0 : 1,
        found == null ? "NOT_FOUND" : "OK",
        t0);
    if (found == null) {
      throw new ApiException(
          ApiError.PERSON_NOT_FOUND,
          "no person "
              + id.value()
              + " in your jurisdiction; a registration published in the last few seconds may still be on its way");
    }
    return found;
  }

  @GetMapping
  public MobileLookup byMobile(
      @RequestParam("mobile") String mobile, @AuthenticationPrincipal NmisUser user) {
    long t0 = System.nanoTime();
    String normalised =
        MobileNumbers.normalise(mobile)
            .orElseThrow(
                () -> {
                  record(
                      user,
                      "persons.by-mobile",
                      Map.of("mobile", MobileNumbers.mask(mobile)),
                      0,
                      ApiError.INVALID_MOBILE.code(),
                      t0);
                  return new ApiException(
                      ApiError.INVALID_MOBILE,
                      "'"
                          + mobile
                          + "' is not an Indian mobile number: 10 digits starting 6-9, optionally prefixed +91, 91 or 0");
                });
    List<Map<String, Object>> persons =
        index.byMobile(normalised).stream()
            .flatMap(s -> views.person(s, user.scope()).stream())
            .toList();
    record(
        user,
        "persons.by-mobile",
        Map.of("mobile", MobileNumbers.mask(normalised)),
        persons.size(),
        "OK",
        t0);
    return new MobileLookup(views.mobile(normalised, user.scope()), persons.size(), persons);
  }

  private void record(
      NmisUser user,
      String action,
      Map<String, String> parameters,
      long rows,
      String outcome,
      long t0) {
    audit.record(AuditEvent.of(user, action, parameters, rows, outcome, t0));
  }
}
