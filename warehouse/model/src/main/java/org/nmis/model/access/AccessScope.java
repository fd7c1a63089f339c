package org.nmis.model.access;

/**
 * Who is asking, as far as data access goes: a role and, for STATE and DISTRICT callers, the
 * jurisdiction. Pure modules (SQL governance, the movement workflow) decide on this; the web layer
 * builds it from the signed-in user.
 */
public record AccessScope(String username, Role role, Integer stateCode, Integer districtCode) {
  public AccessScope {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("NMIS-SEC-003: an access scope needs a username");
    }
    if (role == null) {
      throw new IllegalArgumentException("NMIS-SEC-004: an access scope needs a role");
    }
    if ((role == Role.STATE || role == Role.DISTRICT) && stateCode == null) {
      throw new IllegalArgumentException(
          "NMIS-SEC-001: user "
              + username
              + " has role "
              + role
              + " but no state code; set nmis.security.users[].state-code");
    }
    if (role == Role.DISTRICT && districtCode == null) {
      throw new IllegalArgumentException(
          "NMIS-SEC-002: DISTRICT user "
              + username
              + " has no district code; set nmis.security.users[].district-code");
    }
  }

  /** Readable in audit records and created_by columns: user:role:jurisdiction. */
  public String label() {
    return username
        + ":"
        + role
        + (stateCode == null ? "" : ":" + stateCode)
        + (districtCode == null ? "" : "/" + districtCode);
  }
}
