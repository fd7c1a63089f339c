package org.nmis.sms.template;

/**
 * How a message travels: the GSM 7-bit default alphabet (160 characters in one segment, 153 in each
 * part of a longer message) or UCS-2 (70, then 67), which any character outside that alphabet
 * forces on the whole message; Hindi is always UCS-2.
 */
public enum Encoding {
  GSM_7(160, 153),
  UCS_2(70, 67);

  private final int single;
  private final int perPart;

  Encoding(int single, int perPart) {
    this.single = single;
    this.perPart = perPart;
  }

  /** Units (septets or UTF-16 code units) that fit a message of one segment. */
  public int single() {
    return single;
  }

  /** Units that fit each segment of a concatenated message (the rest is its header). */
  public int perPart() {
    return perPart;
  }
}
