package org.nmis.api.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nmis.api.demo.TwilioStub;
import org.nmis.ingestion.kafka.SmsOutboxLog;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SendLoop;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.outbox.SmsStatus;
import org.nmis.sms.testing.SmsFixtures;

/**
 * The SMS sender on its own in a JVM, for {@link SmsSenderKillIT} to kill -9: replays the outbox
 * from Kafka, resolves what a crash left SENDING, puts {@code n} messages in the outbox (a no-op
 * when they are there already), sends them through the real SDK to the stub and exits 0 once every
 * one is handed over. Arguments: bootstrap servers, topic, stub URL, n, settle in milliseconds.
 */
public final class SenderProcess {
  private SenderProcess() {}

  /** The {@code n} messages of the test: one per number, numbers +917000000000 upwards. */
  static List<OutboxMessage> batch(int n) {
    List<OutboxMessage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String to = String.format("+9170%08d", i);
      out.add(SmsFixtures.message("kill-test", to, "en", "NMIS kill test message " + i));
    }
    return out;
  }

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[3]);
    try (SmsOutboxLog log = new SmsOutboxLog(args[0], args[1])) {
      SmsSender sender =
          new SmsSender(
              log,
              TwilioStub.gatewayTo(args[2]),
              Clock.systemUTC(),
              Duration.ofMillis(Long.parseLong(args[4])));
      sender.rebuild();
      System.out.println(
          "replayed "
              + sender.all().size()
              + " messages; left SENDING by the crash: "
              + sender.all().stream().filter(m -> m.status() == SmsStatus.SENDING).count());
      sender.resolveSending();
      int added = sender.enqueueAll(o -> batch(n));
      System.out.println("enqueued " + added);
      try (SendLoop loop =
          new SendLoop(
                  sender, 0, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofMillis(300))
              .start()) {
        while (sender.hasPending() || sender.hasSending()) {
          Thread.sleep(50);
        }
        System.out.println("all handed over after " + loop.calls() + " calls");
      }
    }
    System.exit(0);
  }
}
