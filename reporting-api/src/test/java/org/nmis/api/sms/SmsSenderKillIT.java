package org.nmis.api.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.api.demo.TwilioStub;
import org.nmis.ingestion.broker.EmbeddedKafkaBroker;
import org.nmis.ingestion.kafka.SmsTopic;

/**
 * At most once, and none lost, across kill -9: the sender runs in its own JVM against the real
 * broker and the real SDK, is killed with SIGKILL in the middle of a batch (some messages SENDING,
 * their answers in flight), and restarted; the stub then holds every message of the batch exactly
 * once.
 */
class SmsSenderKillIT {
  private static final int N = 300;

  @Test
  void everyOutboxRowIsSentExactlyOnceAcrossAKill(@TempDir Path dir) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        TwilioStub stub = new TwilioStub().answerAfter(5).holdAt(N / 3)) {
      broker.createTopic(SmsTopic.NAME, SmsTopic.PARTITIONS, SmsTopic.config());
      Process first = start(broker, stub, dir.resolve("sender-1.log"));
      long deadline = System.currentTimeMillis() + 120_000;
      while (stub.posts() < N / 3 && System.currentTimeMillis() < deadline && first.isAlive()) {
        Thread.sleep(5);
      }
      Thread.sleep(200); // the N/3-th message is at the stub, its answer held: SENDING
      first.destroyForcibly(); // SIGKILL: no shutdown hook, the answer in flight is lost
      first.waitFor();
      int before = stub.posts();
      assertTrue(before > 0 && before < N, "killed in the middle of the batch: " + before);

      Process second = start(broker, stub, dir.resolve("sender-2.log"));
      assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the restarted sender finished");
      String log = Files.readString(dir.resolve("sender-2.log"));
      assertEquals(0, second.exitValue(), log);
      assertTrue(log.contains("left SENDING by the crash: 1"), log);

      Map<String, Long> perNumber =
          stub.received().stream()
              .collect(
                  Collectors.groupingBy(
                      TwilioStub.Received::to, TreeMap::new, Collectors.counting()));
      assertEquals(N, perNumber.size(), "every message reached the gateway (none lost)");
      assertEquals(
          Map.of(),
          perNumber.entrySet().stream()
              .filter(e -> e.getValue() != 1)
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
          "numbers that got more than one message");
      assertEquals(N, stub.posts(), "one POST per message, no retry of a created message");
      assertEquals(
          SenderProcess.batch(N).stream().map(m -> m.body()).sorted().toList(),
          stub.received().stream().map(TwilioStub.Received::body).sorted().toList());
    }
  }

  private static Process start(EmbeddedKafkaBroker broker, TwilioStub stub, Path log)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(SenderProcess.class.getName());
    cmd.add(broker.bootstrapServers());
    cmd.add(SmsTopic.NAME);
    cmd.add(stub.baseUrl());
    cmd.add(String.valueOf(N));
    cmd.add("1000");
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
