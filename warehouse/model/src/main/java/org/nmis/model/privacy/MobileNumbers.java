package org.nmis.model.privacy;

import java.util.Optional;

/**
 * Indian mobile numbers: normalisation to +91XXXXXXXXXX and masking for roles that may not see
 * them.
 */
public final class MobileNumbers {
  private MobileNumbers() {}

  /**
   * The number as +91 followed by ten digits starting 6-9, from the ways state sheets write it:
   * with +91, 91 or 0 in front, with spaces, hyphens, dots or brackets inside; empty if it is not a
   * valid Indian mobile number.
   */
  public static Optional<String> normalise(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    StringBuilder digits = new StringBuilder(13);
    String s = raw.strip();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c == '+' && i == 0) {
        continue;
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        return Optional.empty();
      }
    }
    String d = digits.toString();
    boolean plus = s.startsWith("+");
    if (plus && !(d.length() == 12 && d.startsWith("91"))) {
      return Optional.empty();
    }
    if (d.length() == 12 && d.startsWith("91")) {
      d = d.substring(2);
    } else if (d.length() == 11 && d.startsWith("0")) {
      d = d.substring(1);
    }
    if (d.length() != 10 || d.charAt(0) < '6') {
      return Optional.empty();
    }
    return Optional.of("+91" + d);
  }

  /** A normalised number with all but its last four digits hidden: +91XXXXXX3210. */
  public static String mask(String normalised) {
    if (normalised == null || normalised.length() < 4) {
      return normalised;
    }
    String last4 = normalised.substring(normalised.length() - 4);
    return "+91XXXXXX" + last4;
  }
}
