package org.nmis.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nmis.api.demo.TwilioStub;
import org.nmis.ingestion.broker.EmbeddedKafkaBroker;
import org.nmis.ingestion.kafka.SmsOutboxLog;
import org.nmis.ingestion.kafka.SmsTopic;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.OutboxStats;
import org.nmis.sms.outbox.SendLoop;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.testing.SmsFixtures;

/**
 * {@code ./nmis bench-sms [N]}: the SMS outbox against the loopback Twilio stub, with the real
 * outbox log (the embedded Kafka broker, acks=all) and the real SDK. Measures (1) enqueueing N
 * messages, (2) sending them with the rate limit off, (3) the pacing at a configured rate, from
 * which the time for a whole train at 1 message/s follows. Writes a Markdown table to {@code
 * bench.out} (default target/sms-benchmark.md).
 */
public final class SmsBenchmark {
  private SmsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int paced = Integer.getInteger("bench.paced", 100);
    double rate = Double.parseDouble(System.getProperty("bench.rate", "10"));
    int trainMessages = Integer.getInteger("bench.train-messages", 1_700);
    Path dir = Files.createTempDirectory("nmis-sms-bench");
    List<String> rows = new ArrayList<>();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        TwilioStub stub = new TwilioStub();
        SmsOutboxLog log = new SmsOutboxLog(broker.bootstrapServers(), SmsTopic.NAME)) {
      broker.createTopic(SmsTopic.NAME, SmsTopic.PARTITIONS, SmsTopic.config());
      SmsSender sender =
          new SmsSender(
              log, TwilioStub.gatewayTo(stub.baseUrl()), Clock.systemUTC(), Duration.ofMinutes(2));
      sender.rebuild();
      // Warm-up: the SDK, the HTTP client and the producer, on messages not counted.
      run(sender, batch("warm", 200), 0);

      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      List<OutboxMessage> messages = batch("bench", n);
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      sender.enqueueAll(o -> messages);
      long enqueueNanos = System.nanoTime() - t0;
      long t1 = System.nanoTime();
      run(sender, List.of(), 0);
      long sendNanos = System.nanoTime() - t1;
      long cpu = os.getProcessCpuTime() - cpu0;
      rows.add(
          row(
              "Enqueue " + n + " messages (one synchronous log append each)",
              String.format(Locale.ROOT, "%,.0f msgs/s", n / (enqueueNanos / 1e9))));
      rows.add(
          row(
              "Send " + n + " messages, rate limit off (2 log appends + 1 SDK call each)",
              String.format(Locale.ROOT, "%,.0f msgs/s", n / (sendNanos / 1e9))));
      rows.add(
          row(
              "CPU per 1,000 messages, enqueue + send (this JVM: sender, SDK, stub; broker apart)",
              String.format(Locale.ROOT, "%,.0f ms", cpu / 1e6 / n * 1000)));
      long t2 = System.nanoTime();
      run(sender, batch("paced", paced), rate);
      double seconds = (System.nanoTime() - t2) / 1e9;
      rows.add(
          row(
              paced + " messages at " + rate + " msgs/s (pacing check)",
              String.format(Locale.ROOT, "%.1f s (ideal %.1f s)", seconds, (paced - 1) / rate)));
      rows.add(
          row(
              "A train's "
                  + trainMessages
                  + " alerts at the default 1 msg/s (one long-code number)",
              String.format(
                  Locale.ROOT,
                  "%.0f min (%d s, from the pacing above)",
                  trainMessages / 60.0,
                  trainMessages)));
      rows.add(
          row(
              "Same train within 10 minutes needs",
              String.format(
                  Locale.ROOT,
                  "%.1f msgs/s (a Messaging Service with %d numbers, or a short code)",
                  trainMessages / 600.0,
                  (int) Math.ceil(trainMessages / 600.0))));
      if (stub.posts() != 200 + n + paced) {
        throw new IllegalStateException(
            "the stub got " + stub.posts() + " POSTs for " + (200 + n + paced) + " messages");
      }
    }
    StringBuilder md = new StringBuilder("| SMS measurement | Result |\n|---|---|\n");
    rows.forEach(r -> md.append(r).append('\n'));
    System.out.print(md);
    Path out = Path.of(System.getProperty("bench.out", "target/sms-benchmark.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, md);
  }

  private static String row(String what, String result) {
    return "| " + what + " | " + result + " |";
  }

  private static List<OutboxMessage> batch(String trigger, int n) {
    List<OutboxMessage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          SmsFixtures.message(
              trigger,
              String.format("+9171%08d", i),
              "en",
              "NMIS: Ramesh Kumar +2: train 04401 on 21 May 2020 from Pune Jn, coach S3 berth "
                  + (i % 72 + 1)
                  + ". Report by 06:00 with photo ID. E-pass EP"
                  + i));
    }
    return out;
  }

  /** Enqueues {@code messages} and sends until nothing is pending or sending. */
  private static void run(SmsSender sender, List<OutboxMessage> messages, double rate)
      throws InterruptedException {
    if (!messages.isEmpty()) {
      sender.enqueueAll(o -> messages);
    }
    try (SendLoop loop =
        new SendLoop(
                sender, rate, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5))
            .start()) {
      long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
      while (sender.hasPending() || sender.hasSending()) {
        Thread.sleep(2);
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "not all sent after 10 minutes: " + OutboxStats.of(sender.all()).byStatus());
        }
      }
    }
  }
}
