package org.nmis.api.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
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
    for (String topic : TOPICS) {
      long[] readAndSkipped = new long[2];
      TopicRecords.readAll(
          servers,
          List.of(topic),
          Duration.ofMinutes(10),
          r -> {
            Header by = r.headers().lastHeader(ParsedMessages.SUBMITTED_BY_HEADER);
            String submitter = by == null ? "" : new String(by.value(), StandardCharsets.UTF_8);
            if (topic.equals(TOPICS.get(0))
                && !submitter.startsWith("api:")
                && !submitter.startsWith("upload:")) {
              readAndSkipped[1]++;
              return;
            }
            readAndSkipped[0]++;
            String text =
                (r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8))
                    + "\t"
                    + (r.value() == null ? "" : new String(r.value(), StandardCharsets.UTF_8));
            for (String f : AadhaarScrubber.aadhaarLike(text)) {
              findings.add(topic + "@" + r.partition() + ":" + r.offset() + ": " + f);
            }
          });
      System.out.println(
          "read "
              + readAndSkipped[0]
              + " records of "
              + topic
              + (readAndSkipped[1] > 0
                  ? " (" + readAndSkipped[1] + " published by state systems, not scanned)"
                  : ""));
    }
  }
}
