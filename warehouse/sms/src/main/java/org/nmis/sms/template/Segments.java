package org.nmis.sms.template;

/**
 * Counts the segments an SMS body takes, as operators bill it (3GPP TS 23.038 and 23.040): GSM-7
 * when every character is in the default alphabet or its extension table (which costs two septets),
 * UCS-2 otherwise.
 */
public final class Segments {
  /** The GSM 03.38 default alphabet, in code order. */
  private static final String BASIC =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
          + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

  /** The extension table: each character is an escape plus one septet. */
  private static final String EXTENSION = "^{}\\[~]|€\f";

  private Segments() {}

  public static Encoding encoding(String body) {
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (BASIC.indexOf(c) < 0 && EXTENSION.indexOf(c) < 0) {
        return Encoding.UCS_2;
      }
    }
    return Encoding.GSM_7;
  }

  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  public static int units(String body) {
    if (encoding(body) == Encoding.UCS_2) {
      return body.length();
    }
    int septets = 0;
    for (int i = 0; i < body.length(); i++) {
      septets += EXTENSION.indexOf(body.charAt(i)) >= 0 ? 2 : 1;
    }
    return septets;
  }

  /** Segments of {@code body}: 1 up to 160 septets (70 UCS-2 units), then 153 (67) each. */
  public static int count(String body) {
    Encoding e = encoding(body);
    int units = units(body);
    if (units <= e.single()) {
      return 1;
    }
    return (units + e.perPart() - 1) / e.perPart();
  }
}
