package org.nmis.sms.alerts;

/**
 * One traveller of a manifest as the alerts need them: the registrant whose mobile is used (a
 * companion has the registrant's), the name to address (the registrant's; null for a companion,
 * counted as "+N"), where they sit, where they go (for the unreached lists and the language) and
 * the e-pass to quote.
 */
public record Seat(
    String registrantId,
    String name,
    boolean companion,
    String mobile,
    String coach,
    int berth,
    int destinationStateCode,
    int destinationDistrictCode,
    String passId) {

  public Seat {
    if (registrantId == null || mobile == null || coach == null) {
      throw new IllegalArgumentException(
          "NMIS-SMS-120: a seat needs a registrant, a mobile and a coach");
    }
  }
}
