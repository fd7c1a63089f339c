package org.nmis.api.security;

import org.nmis.model.registration.Registration;

/** Who may see which registration, and whose mobile numbers are shown in full. */
public final class Jurisdiction {
  private Jurisdiction() {}

  /** STATE and DISTRICT users see people leaving or arriving in their area; the national roles see everyone. */
  public static boolean covers(NmisUser user, Registration r) {
    return switch (user.role()) {
      case STATE -> r.originStateCode() == user.stateCode() || r.destinationStateCode() == user.stateCode();
      case DISTRICT -> r.originDistrictCode() == user.districtCode()
          || r.destinationDistrictCode() == user.districtCode();
      case MINISTRY, HEALTH, AUDITOR, RAILWAYS -> true;
    };
  }

  /**
   * Mobile numbers in full for those who call people (states and districts for their own people, health teams);
   * the last four digits for the others.
   */
  public static boolean seesFullMobile(NmisUser user) {
    return switch (user.role()) {
      case STATE, DISTRICT, HEALTH -> true;
      case MINISTRY, RAILWAYS, AUDITOR -> false;
    };
  }
}
