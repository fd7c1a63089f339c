package org.nmis.api.movement;

import org.nmis.model.access.AccessScope;
import org.nmis.movement.request.MovementRequest;

/**
 * Who sees a movement request, and who sees the names on its manifest. Requests are seen by both states involved
 * (a DISTRICT user: requests of their district), Railways, and the national roles; names only by the two states
 * and Railways, who need them to run the train and to receive the people.
 */
final class MovementAccess {
  private MovementAccess() {}

  static boolean sees(AccessScope who, MovementRequest r) {
    return switch (who.role()) {
      case MINISTRY, RAILWAYS, AUDITOR, HEALTH -> true;
      case STATE -> who.stateCode() == r.originStateCode() || who.stateCode() == r.destinationStateCode();
      case DISTRICT -> r.originDistrictCode() != null && who.districtCode().intValue() == r.originDistrictCode();
    };
  }

  static boolean seesNames(AccessScope who, MovementRequest r) {
    return switch (who.role()) {
      case RAILWAYS -> true;
      case STATE, DISTRICT -> sees(who, r);
      case MINISTRY, AUDITOR, HEALTH -> false;
    };
  }
}
