package org.nmis.tracing.journeys;

import java.util.Locale;

/**
 * Vehicle references as matched. State sheets write one bus as {@code MH12 AB 1234}, {@code
 * mh-12-ab-1234} or {@code MH12AB1234}: matching keeps letters and digits only, in upper case. A
 * train's reference is its number, so an unmanifested train journey with reference {@code 01901}
 * meets the manifested travellers of train 01901.
 */
public final class VehicleRefs {
  private VehicleRefs() {}

  /** The matching key of a reference; null when it has no letter or digit. */
  public static String key(String vehicleRef) {
    if (vehicleRef == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder(vehicleRef.length());
    for (int i = 0; i < vehicleRef.length(); i++) {
      char c = vehicleRef.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.isEmpty() ? null : sb.toString().toUpperCase(Locale.ROOT);
  }
}
