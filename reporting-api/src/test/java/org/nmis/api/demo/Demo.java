package org.nmis.api.demo;

import java.util.ArrayList;
import java.util.List;
import org.nmis.api.NmisApplication;

/**
 * {@code ./nmis demo}: the service with the demo's tools, and SMS in dry run. Starts the local
 * Twilio stub first and points the service's Twilio settings at it, so manifesting a train sends
 * real SDK requests to the stub, which posts signed receipts back; numbers ending in 13 are told to
 * fail, so the unreached lists have something to show. The return forecast runs as of 31 July 2020,
 * inside the synthetic season. Arguments given on the command line win.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    TwilioStub stub = new TwilioStub().failing(to -> to.endsWith("13"));
    List<String> all = new ArrayList<>(dryRun(stub));
    // The synthetic registrations travel between May and August 2020: forecast from the end of
    // July, with two months of history for the backtest.
    all.add("--nmis.forecast.as-of=2020-07-31");
    all.addAll(List.of(args));
    NmisApplication.main(all.toArray(String[]::new));
  }

  /**
   * The settings that point the service at the stub (also used by the integration tests), sending
   * at 50 messages a second: the stub needs no 1-per-second pacing, and the demo's trains are sent
   * in a minute or two.
   */
  public static List<String> dryRun(TwilioStub stub) {
    return List.of(
        "--nmis.sms.twilio.account-sid=" + TwilioStub.ACCOUNT_SID,
        "--nmis.sms.twilio.auth-token=" + TwilioStub.AUTH_TOKEN,
        "--nmis.sms.twilio.from=+15005550006",
        "--nmis.sms.twilio.base-url=" + stub.baseUrl(),
        "--nmis.sms.rate=50");
  }
}
