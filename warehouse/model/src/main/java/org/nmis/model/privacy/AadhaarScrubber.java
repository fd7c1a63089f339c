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

  /**
   * The runs of {@code text} that could be clear Aadhaar numbers: 12 digits (grouped or not) that
   * start with 2-9 and pass the Verhoeff check, as UIDAI issues them, and are not a mobile number
   * in +91 form. For checks that nothing clear was written (logs, topics); a number that merely
   * looks like one is found too.
   */
  public static java.util.List<String> aadhaarLike(String text) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (text == null || fewerThanTwelveDigits(text)) {
      return out;
    }
    Matcher m = TWELVE_DIGITS.matcher(text);
    while (m.find()) {
      String digits = m.group(1) + m.group(2) + m.group(3);
      // +91 and ten digits is a mobile number in E.164 form, never an Aadhaar number.
      boolean mobile = m.start() > 0 && text.charAt(m.start() - 1) == '+';
      if (!mobile && digits.charAt(0) >= '2' && Verhoeff.isValid(digits)) {
        out.add(m.group());
      }
    }
    return out;
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
