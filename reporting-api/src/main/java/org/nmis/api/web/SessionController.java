package org.nmis.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.security.NmisUser;
import org.nmis.model.access.Role;
import org.nmis.model.reference.ReferenceData;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a browser page needs to know about its sign-in: who it is, which desks it has, and the CSRF
 * token to send with every change (also set as the {@code XSRF-TOKEN} cookie).
 */
@RestController
@RequestMapping("/api/v1/session")
public class SessionController {
  private final ReferenceData reference;

  public SessionController(ReferenceData reference) {
    this.reference = reference;
  }

  /** The signed-in user, their jurisdiction's names and their desk. */
  @GetMapping
  public Map<String, Object> session(@AuthenticationPrincipal NmisUser user) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("user", user.username());
    answer.put("role", user.role().name());
    answer.put("state_code", user.stateCode());
    answer.put(
        "state",
        user.stateCode() == null
            ? null
            : reference.state(user.stateCode()).map(s -> s.name()).orElse(null));
    answer.put("district_code", user.districtCode());
    answer.put(
        "district",
        user.districtCode() == null
            ? null
            : reference.district(user.districtCode()).map(d -> d.name()).orElse(null));
    List<String> desks = desks(user.role());
    answer.put("landing", desks.get(0));
    answer.put("desks", desks);
    return answer;
  }

  /**
   * The CSRF token (before and after sign-in): reading it here also sets the cookie, so the sign-in
   * form can send it.
   */
  @GetMapping("/csrf")
  public Map<String, String> csrf(CsrfToken token) {
    return Map.of(
        "header", token.getHeaderName(),
        "parameter", token.getParameterName(),
        "token", token.getToken());
  }

  /**
   * The desks a role may open, the one it lands on first: the national view is also the read-only
   * landing page of Railways, health and the auditor; every role has the SQL console.
   */
  static List<String> desks(Role role) {
    switch (role) {
      case STATE:
      case DISTRICT:
        return List.of("state", "sql");
      case RAILWAYS:
        return List.of("national", "railways", "sql");
      case HEALTH:
        return List.of("national", "health", "sql");
      default:
        return List.of("national", "sql");
    }
  }
}
