package org.nmis.api.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An authenticated user: a role and a jurisdiction (state, and district for DISTRICT users). */
public record NmisUser(String username, String password, Role role, Integer stateCode, Integer districtCode)
    implements UserDetails {

  public NmisUser {
    if ((role == Role.STATE || role == Role.DISTRICT) && stateCode == null) {
      throw new IllegalArgumentException("NMIS-SEC-001: user " + username + " has role " + role
          + " but no state-code; set nmis.security.users[].state-code");
    }
    if (role == Role.DISTRICT && districtCode == null) {
      throw new IllegalArgumentException("NMIS-SEC-002: DISTRICT user " + username
          + " has no district-code; set nmis.security.users[].district-code");
    }
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public String getUsername() {
    return username;
  }

  /** Readable in audit records and created_by columns: user:role:jurisdiction. */
  public String principalLabel() {
    return username + ":" + role + (stateCode == null ? "" : ":" + stateCode)
        + (districtCode == null ? "" : "/" + districtCode);
  }

  @Override
  public String toString() {
    return "NmisUser[" + principalLabel() + "]";
  }
}
