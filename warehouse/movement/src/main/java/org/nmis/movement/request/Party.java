package org.nmis.movement.request;

import java.util.Objects;
import java.util.Set;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;

/** A side of a movement request, and which signed-in users act for it. */
public enum Party {
  /** STATE users of the origin state, and DISTRICT users of the request's origin district. */
  ORIGIN(
      Set.of(Role.STATE, Role.DISTRICT),
      "STATE users of the origin state or DISTRICT users of the origin district"),
  ORIGIN_STATE(Set.of(Role.STATE), "STATE users of the origin state"),
  DESTINATION_STATE(Set.of(Role.STATE), "STATE users of the destination state"),
  RAILWAYS(Set.of(Role.RAILWAYS), "RAILWAYS users");

  private final Set<Role> roles;
  private final String description;

  Party(Set<Role> roles, String description) {
    this.roles = roles;
    this.description = description;
  }

  /** Whether the user acts for this party of the request. */
  public boolean includes(AccessScope user, MovementRequest request) {
    return switch (this) {
      case ORIGIN ->
          ORIGIN_STATE.includes(user, request)
              || user.role() == Role.DISTRICT
                  && Objects.equals(user.stateCode(), request.originStateCode())
                  && request.originDistrictCode() != null
                  && request.originDistrictCode().equals(user.districtCode());
      case ORIGIN_STATE ->
          user.role() == Role.STATE && Objects.equals(user.stateCode(), request.originStateCode());
      case DESTINATION_STATE ->
          user.role() == Role.STATE
              && Objects.equals(user.stateCode(), request.destinationStateCode());
      case RAILWAYS -> user.role() == Role.RAILWAYS;
    };
  }

  /** Whether the user's role could act for this party in some jurisdiction. */
  public boolean admitsRole(Role role) {
    return roles.contains(role);
  }

  public String description() {
    return description;
  }
}
