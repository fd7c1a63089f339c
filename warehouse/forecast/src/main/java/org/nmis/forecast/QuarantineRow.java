package org.nmis.forecast;

import java.time.LocalDate;

/**
 * One row of {@code quarantine_plan}: a destination district's day, {@code horizon} days after the
 * as-of date. {@code expectedInQuarantine} counts everyone who arrived or is expected to arrive in
 * the quarantine period up to the day; {@code highInQuarantine} the same with every coming day at
 * its 80% interval's high end (a pessimistic case, wider than an 80% interval of the sum); {@code
 * declaredPlaces} the most places the destination state has declared standing at once for the
 * district; {@code shortfall} the expected people in quarantine beyond those places.
 */
public record QuarantineRow(
    Destination destination,
    LocalDate date,
    int horizon,
    double expectedArrivals,
    double highArrivals,
    double expectedInQuarantine,
    double highInQuarantine,
    double declaredPlaces) {

  public QuarantineRow {
    if (horizon < 1 || expectedInQuarantine < 0 || highInQuarantine < expectedInQuarantine) {
      throw new IllegalArgumentException(
          "NMIS-FCT-110: a quarantine row needs horizon >= 1 and 0 <= expected <= high people in"
              + " quarantine; got horizon "
              + horizon
              + ", "
              + expectedInQuarantine
              + " <= "
              + highInQuarantine);
    }
  }

  public double shortfall() {
    return Math.max(0, expectedInQuarantine - declaredPlaces);
  }

  /**
   * More people expected in quarantine than the places declared for the district: at least half a
   * person beyond them, so that a fraction of an expected person (a forecast is fractional) does
   * not flag a district.
   */
  public boolean overloaded() {
    return shortfall() >= 0.5;
  }

  /** How the day stands, for a planner. */
  public enum Status {
    /** Places were declared and more people are expected than they hold. */
    OVERLOADED,
    /** People are expected and no places were ever declared for the district. */
    NO_PLACES_DECLARED,
    /** The people expected fit in the places declared (or nobody is expected). */
    WITHIN_PLACES
  }

  public Status status() {
    if (!overloaded()) {
      return Status.WITHIN_PLACES;
    }
    return declaredPlaces > 0 ? Status.OVERLOADED : Status.NO_PLACES_DECLARED;
  }
}
