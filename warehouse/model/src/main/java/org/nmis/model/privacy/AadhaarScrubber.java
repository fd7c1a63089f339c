package org.nmis.model.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Last line of defence for text the warehouse stores or logs that it could not parse: any run of 12
 * digits (optionally grouped 4-4-4 by spaces or hyphens, as printed on the card) is masked to its
 * last four digits. It errs on the side of masking: a 12-digit number that is not an Aadhaar number
 * gets masked as well.
 */
public final class AadhaarScrubber {
  private static final Pattern TWELVE_DIGITS =
      Pattern.compile("(?<!\\d)(\\d{4})[ -]?(\\d{4})[ -]?(\\d{4})(?!\\d)");

  private AadhaarScrubber() {}

  public static String scrub(String text) {
    if (text == null) {
      return null;
    }
    if (fewerThanTwelveDigits(text)) {
      return text; // most values: the regex is by far the costliest step of reading a message, skip
      // it
    }
    Matcher m = TWELVE_DIGITS.matcher(text);
    if (!m.find()) {
      return text;
    }
    return m.replaceAll(r -> "XXXXXXXX" + r.group(3));
  }

  private static boolean fewerThanTwelveDigits(String text) {
    int digits = 0;
    for (int i = 0; i < text.length() && digits < 12; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits < 12;
  }
}
