package org.nmis.model.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for text the warehouse stores or logs that it could not parse: any run of 12 digits
 * (optionally grouped 4-4-4 by spaces or hyphens, as printed on the card) is masked to its last four digits.
 * It errs on the side of masking: a 12-digit number that is not an Aadhaar number gets masked as well.
 */
public final class AadhaarScrubber {
  private static final Pattern TWELVE_DIGITS =
      Pattern.compile("(?<!\\d)(\\d{4})[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");

  private AadhaarScrubber() {}

  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = TWELVE_DIGITS.matcher(text);
    if (!m.find()) {
      return text;
    }
    return m.replaceAll(r -> "XXXXXXXX" + r.group(3));
  }
}
