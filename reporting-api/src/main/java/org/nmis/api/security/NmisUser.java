package org.nmis.api.security;

import java.util.Collection;
import java.util.List;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** An authenticated user: a role and a jurisdiction (state, and district for DISTRICT users). */
public record NmisUser(
    String username, String password, Role role, Integer stateCode, Integer districtCode)
    implements UserDetails {

  public NmisUser {
    new AccessScope(username, role, stateCode, districtCode); // validates the jurisdiction
  }

  /** The caller as the pure modules see it. */
  public AccessScope scope() {
    return new AccessScope(username, role, stateCode, districtCode);
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
    return scope().label();
  }

  @Override
  public String toString() {
    return "NmisUser[" + principalLabel() + "]";
  }
}
