package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Header;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.demo.TopicRecords;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * No clear Aadhaar number leaves the service (item 9 of the hardening issue): clear numbers come in
 * through the API, an upload (a valid row and one that fails on another field) and a refused
 * registration; afterwards no topic the service writes (registrations, movement, audit, SMS), no
 * log line it wrote meanwhile (every logger, captured at the root) and no upload error report holds
 * them, while the tests' own fixture proves the scan finds a number where it is.
 */
class NoClearAadhaarIT extends ApiTestBase {
  private static final String VIA_API = RegistrationFixtures.withCheckDigit("59901234561");
  private static final String VIA_UPLOAD = RegistrationFixtures.withCheckDigit("59901234562");
  private static final String IN_BAD_ROW = RegistrationFixtures.withCheckDigit("59901234563");
  private static final String REFUSED = RegistrationFixtures.withCheckDigit("59901234564");

  @Autowired NmisProperties properties;

  @Test
  void clearAadhaarReachesNoTopicNoLogAndNoErrorReport() throws Exception {
    StringBuilder logs = new StringBuilder();
    AbstractAppender capture = capture(logs);
    try {
      registerAs(
          "mh-state",
          "mh-demo",
          RegistrationFixtures.ramFromPuneToGorakhpur()
              .set(Field.SOURCE_STATE_CODE, (String) null)
              .set(Field.SOURCE_RECORD_ID, "AADH-API-1")
              .set(Field.MOBILE, "9555500091")
              .set(Field.AADHAAR, grouped(VIA_API))
              .build());
      // Refused by the API (an age out of range): answered, never published.
      String refused =
          new String(
              org.nmis.model.json.RegistrationJson.write(
                  RegistrationFixtures.ramFromPuneToGorakhpur()
                      .set(Field.SOURCE_STATE_CODE, (String) null)
                      .set(Field.SOURCE_RECORD_ID, "AADH-API-2")
                      .set(Field.AADHAAR, REFUSED)
                      .set(Field.AGE, "150")
                      .build()),
              StandardCharsets.UTF_8);
      var answer = post("/api/v1/registrations", "[" + refused + "]", "mh-state", "mh-demo");
      assertTrue(answer.body().contains("AGE"), answer.body());

      String csv =
          "name,source_record_id,age,gender,mobile,aadhaar,origin_state_code,origin_district_code,"
              + "destination_state_code,destination_district_code,travel_date,mode\n"
              + "Ram Kumar,AADH-UP-1,34,M,9555500092,"
              + VIA_UPLOAD
              + ",27,490,9,148,2020-05-18,TRAIN\n"
              + "Ram Kumar,AADH-UP-2,150,M,9555500093,"
              + IN_BAD_ROW
              + ",27,490,9,148,2020-05-18,TRAIN\n";
      var upload =
          upload("aadhaar.csv", csv.getBytes(StandardCharsets.UTF_8), "mh-state", "mh-demo");
      assertEquals(202, upload.statusCode(), upload.body());
      String uploadId = json(upload).get("upload_id").asText();
      long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      String state;
      do {
        Thread.sleep(300);
        state =
            json(get("/api/v1/uploads/" + uploadId, "mh-state", "mh-demo")).get("state").asText();
      } while (state.equals("RUNNING") && System.nanoTime() < deadline);
      assertEquals("DONE", state);
      String errors = get("/api/v1/uploads/" + uploadId + "/errors", "mh-state", "mh-demo").body();
      assertTrue(errors.contains("AADH-UP-2"), "the bad row is reported: " + errors);
      platform.awaitCaughtUp();
      platform.awaitAuditLanded();
    } finally {
      release(capture);
    }

    List<String> numbers = List.of(VIA_API, VIA_UPLOAD, IN_BAD_ROW, REFUSED);
    String topics = topicsText();
    assertTrue(topics.contains("AADH-UP-1"), "the scan reads the registrations topic");
    assertTrue(logs.length() > 0, "the capture saw the service's log lines");
    Path uploads = DATA_DIR.resolve("uploads");
    String reports = filesText(uploads);
    assertTrue(reports.contains("AADH-UP-2"), "the scan reads the error reports");
    for (String n : numbers) {
      for (String form : List.of(n, grouped(n))) {
        assertTrue(!topics.contains(form), "a topic holds " + form);
        assertTrue(!logs.toString().contains(form), "a log line holds " + form);
        assertTrue(!reports.contains(form), "an upload error report holds " + form);
      }
    }
  }

  private static String grouped(String n) {
    return n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8);
  }

  /** Every record (key, value, headers) of every topic the service writes, as text. */
  private String topicsText() {
    StringBuilder out = new StringBuilder();
    TopicRecords.readAll(
        platform.bootstrapServers(),
        List.of(
            properties.kafka().topic(),
            properties.movement().topic(),
            properties.audit().topic(),
            properties.sms().topic()),
        Duration.ofMinutes(2),
        r -> {
          out.append(text(r.key())).append('\t').append(text(r.value()));
          for (Header h : r.headers()) {
            out.append('\t').append(h.key()).append('=').append(text(h.value()));
          }
          out.append('\n');
        });
    return out.toString();
  }

  private static String text(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.UTF_8);
  }

  private static String filesText(Path dir) throws java.io.IOException {
    StringBuilder out = new StringBuilder();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          out.append(Files.readString(f, StandardCharsets.ISO_8859_1)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** Every log event of every logger while it is attached, with its stack trace. */
  private static AbstractAppender capture(StringBuilder into) {
    AbstractAppender appender =
        new AbstractAppender("aadhaar-capture", null, null, true, Property.EMPTY_ARRAY) {
          @Override
          public void append(LogEvent event) {
            synchronized (into) {
              into.append(event.getMessage().getFormattedMessage()).append('\n');
              Throwable t = event.getThrown();
              while (t != null) {
                into.append(t).append('\n');
                t = t.getCause();
              }
            }
          }
        };
    appender.start();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    ctx.updateLoggers();
    return appender;
  }

  private static void release(AbstractAppender appender) {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    ctx.getConfiguration().getRootLogger().removeAppender(appender.getName());
    ctx.updateLoggers();
    appender.stop();
  }
}
