package org.nmis.api.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.nmis.model.privacy.AadhaarScrubber;
import org.nmis.warehouse.registrations.ParsedMessages;

/**
 * {@code ./nmis check-aadhaar [--kafka=host:port] FILE...}: finds anything that could be a clear
 * Aadhaar number (12 digits starting 2-9 that pass the Verhoeff check, grouped or not) in log files
 * and in every topic the service writes: the registrations it publishes itself (records whose
 * {@code nmis-submitted-by} header is {@code api:...} or {@code upload:...}; a state system may
 * send clear numbers, which the warehouse tokenises), the movement log, the audit events and the
 * SMS log. Prints what it read and each finding; exits 1 if there is one.
 */
public final class AadhaarScan {
  private static final List<String> TOPICS =
      List.of("nmis.registrations.v1", "nmis.movement.v1", "nmis.audit.v1", "nmis.sms.v1");

  private AadhaarScan() {}

  public static void main(String[] args) throws IOException {
    List<String> findings = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("--kafka=")) {
        scanTopics(a.substring("--kafka=".length()), findings);
      } else {
        List<String> lines = Files.readAllLines(Path.of(a), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          for (String f : AadhaarScrubber.aadhaarLike(lines.get(i))) {
            findings.add(a + ":" + (i + 1) + ": " + f);
          }
        }
        System.out.println("read " + lines.size() + " lines of " + a);
      }
    }
    findings.forEach(f -> System.out.println("FOUND " + f));
    System.out.println(findings.size() + " possible clear Aadhaar numbers");
    System.exit(findings.isEmpty() ? 0 : 1);
  }

  private static void scanTopics(String servers, List<String> findings) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p)) {
      for (String topic : TOPICS) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer
            .partitionsFor(topic)
            .forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long read = 0;
        long skipped = 0;
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
            Header by = r.headers().lastHeader(ParsedMessages.SUBMITTED_BY_HEADER);
            String submitter = by == null ? "" : new String(by.value(), StandardCharsets.UTF_8);
            if (topic.equals(TOPICS.get(0))
                && !submitter.startsWith("api:")
                && !submitter.startsWith("upload:")) {
              skipped++;
              continue;
            }
            read++;
            String text =
                (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8))
                    + "\t"
                    + (r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
            for (String f : AadhaarScrubber.aadhaarLike(text)) {
              findings.add(topic + "@" + r.partition() + ":" + r.offset() + ": " + f);
            }
          }
        }
        System.out.println(
            "read "
                + read
                + " records of "
                + topic
                + (skipped > 0
                    ? " (" + skipped + " published by state systems, not scanned)"
                    : ""));
      }
    }
  }
}
