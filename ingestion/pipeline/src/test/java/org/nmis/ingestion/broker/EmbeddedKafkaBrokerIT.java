package org.nmis.ingestion.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {

  private static final String TOPIC = "registrations";
  private static final int MESSAGES = 100;

  @TempDir Path dataDir;

  @Test
  void keepsTopicsAndRecordsAcrossRestartsAndLeavesNoProcessBehind() throws Exception {
    Map<String, String> expected = new TreeMap<>();
    IntStream.range(0, MESSAGES).forEach(i -> expected.put("key-" + i, "value-" + i));

    long firstPid;
    try (EmbeddedKafkaBroker broker = startTimed()) {
      firstPid = broker.pid();
      broker.createTopic(TOPIC, 4, Map.of("retention.ms", "-1"));
      broker.createTopic(TOPIC, 4, Map.of()); // a second call must be a no-op

      try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
          producer.send(new ProducerRecord<>(TOPIC, e.getKey(), e.getValue()));
        }
        producer.flush();
      }
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(consumerConfig(broker, "first"))) {
        assertEquals(4, consumer.partitionsFor(TOPIC).size());
        assertEquals(expected, readAll(consumer));
      }
    }
    assertGone(firstPid);

    try (EmbeddedKafkaBroker broker = startTimed()) {
      try (KafkaConsumer<String, String> consumer =
          new KafkaConsumer<>(consumerConfig(broker, "second"))) {
        assertEquals(4, consumer.partitionsFor(TOPIC).size());
        assertEquals(expected, readAll(consumer));
      }
      broker.close();
      assertGone(broker.pid());
    }
  }

  private EmbeddedKafkaBroker startTimed() {
    long start = System.nanoTime();
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0);
    System.out.printf(
        "Kafka broker answered on %s after %d ms%n",
        broker.bootstrapServers(), (System.nanoTime() - start) / 1_000_000);
    return broker;
  }

  private static Map<String, String> readAll(KafkaConsumer<String, String> consumer) {
    consumer.subscribe(List.of(TOPIC));
    Map<String, String> received = new TreeMap<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (received.size() < MESSAGES && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
        received.put(record.key(), record.value());
      }
    }
    return received;
  }

  private static void assertGone(long pid) {
    assertFalse(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        "broker process " + pid + " is still running");
  }

  private static Properties producerConfig(EmbeddedKafkaBroker broker) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return config;
  }

  private static Properties consumerConfig(EmbeddedKafkaBroker broker, String group) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return config;
  }
}
