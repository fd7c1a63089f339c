package org.nmis.movement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Indian Standard Time: travel dates are Indian calendar days, whatever zone the service runs in.
 */
public final class Ist {
  public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

  private Ist() {}

  public static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }
}
