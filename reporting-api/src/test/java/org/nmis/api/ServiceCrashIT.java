package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.ingestion.broker.EmbeddedKafkaBroker;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.uploads.testing.UploadSamples;
import org.nmis.warehouse.testing.ChildJvm;

/**
 * The whole service as its own process (the service jar, its embedded broker, Spark and Delta
 * files), killed with SIGKILL while it reads an upload and runs a bulk tracing job, then started
 * again on the same data directory. The upload says it was interrupted and to upload the file
 * again; doing so completes it with every valid row registered exactly once (table and serving
 * index); the bulk job says it was interrupted and to start it again.
 */
class ServiceCrashIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ROWS = 30_000;
  private static final long VALID = ROWS - ROWS / 50; // UploadSamples: one row in 50 is bad
  private static final int INDEX_CASES = 10_000; // the most a job takes
  private static final int BULK_JOBS = 5;

  @TempDir Path dir;

  @Test
  void killNineDuringAnUploadAndABulkJobThenRestartLosesAndDuplicatesNothing() throws Exception {
    Path data = dir.resolve("data");
    Path csv = dir.resolve("registrations.csv");
    UploadSamples.writeCsv(csv, ROWS);
    byte[] file = Files.readAllBytes(csv);

    String uploadId;
    List<String> bulkJobs = new ArrayList<>();
    Service first = Service.start(data, Path.of("target", "service-crash-1.log"));
    try {
      HttpResponse<String> accepted =
          first.api.upload("registrations.csv", file, "mh-state", "mh-demo");
      assertEquals(202, accepted.statusCode(), accepted.body());
      uploadId = json(accepted).get("upload_id").asText();
      first.awaitUpload(uploadId, s -> s.get("rows_received").asLong() >= 6_000);
      // Bulk jobs run one after another: the last is still running or waiting at the kill.
      for (int i = 0; i < BULK_JOBS; i++) {
        HttpResponse<String> bulk =
            first.api.post("/api/v1/tracing/bulk", indexCases(i), "health", "health-demo");
        assertEquals(202, bulk.statusCode(), bulk.body());
        bulkJobs.add(json(bulk).get("job_id").asText());
      }
      JsonNode atKill = json(first.api.get("/api/v1/uploads/" + uploadId, "mh-state", "mh-demo"));
      assertEquals("RUNNING", atKill.get("state").asText(), "killed mid-upload: " + atKill);
    } finally {
      first.kill();
    }

    Service second = Service.start(data, Path.of("target", "service-crash-2.log"));
    try {
      JsonNode interrupted =
          json(second.api.get("/api/v1/uploads/" + uploadId, "mh-state", "mh-demo"));
      assertEquals("INTERRUPTED", interrupted.get("state").asText(), interrupted.toString());
      assertTrue(
          interrupted.get("failure").asText().contains("Upload the same file again"),
          interrupted.toString());
      // Its counts are those saved while it ran: some of the rows, never more than were read.
      long keptAccepted = interrupted.get("accepted").asLong();
      assertTrue(
          keptAccepted > 0 && keptAccepted <= interrupted.get("rows_received").asLong(),
          interrupted.toString());
      // The job cut short says so; one that had finished keeps its counts, not its lists.
      for (String job : bulkJobs) {
        JsonNode status =
            json(second.api.get("/api/v1/tracing/bulk/" + job, "health", "health-demo"));
        String state = status.get("state").asText();
        if (job.equals(bulkJobs.get(BULK_JOBS - 1)) || !state.equals("DONE")) {
          assertEquals("INTERRUPTED", state, status.toString());
          assertTrue(status.get("failure").asText().contains("Start it again"), status.toString());
        } else {
          assertEquals(INDEX_CASES, status.get("index_cases").asInt(), status.toString());
          HttpResponse<String> lists =
              second.api.get("/api/v1/tracing/bulk/" + job + "/result", "health", "health-demo");
          assertEquals(410, lists.statusCode(), lists.body());
        }
      }

      // The state uploads the file again: it completes, and nothing is registered twice.
      HttpResponse<String> again =
          second.api.upload("registrations.csv", file, "mh-state", "mh-demo");
      assertEquals(202, again.statusCode(), again.body());
      JsonNode done =
          second.awaitUpload(
              json(again).get("upload_id").asText(),
              s -> !s.get("state").asText().equals("RUNNING"));
      assertEquals("DONE", done.get("state").asText(), done.toString());
      assertEquals(VALID, done.get("accepted").asLong(), done.toString());
      assertEquals(ROWS / 50, done.get("rejected").asLong(), done.toString());

      second.awaitRegistrations(VALID);
      Thread.sleep(3_000); // a (wrong) late duplicate would show itself now
      List<Long> counts = second.registrationCounts();
      assertEquals(List.of(VALID, VALID), counts, "rows and distinct persons in registrations");
      JsonNode indexed = json(second.api.get("/api/v1/status", "ministry", "ministry-demo"));
      assertEquals(VALID, indexed.get("indexed_persons").asLong(), indexed.toString());
    } finally {
      second.kill();
    }
  }

  /** Unknown mobiles and some of the uploaded ones, as a health team would send. */
  private static String indexCases(int job) throws Exception {
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < INDEX_CASES; i++) {
      cases.add(String.valueOf(7_000_000_000L + job * 1_000_000L + i));
    }
    return JSON.writeValueAsString(Map.of("index_cases", cases, "purpose", "CRASH-TEST-" + job));
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** The service jar started as in README.md, on its embedded default. */
  private static final class Service {
    final Process process;
    final ApiClient api;

    private Service(Process process, int port) {
      this.process = process;
      this.api = new ApiClient(() -> port);
    }

    static Service start(Path data, Path log) throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0)) {
        port = s.getLocalPort();
      }
      EmbeddedKafkaBroker.Distribution broker = EmbeddedKafkaBroker.Distribution.locate();
      List<String> cmd = new ArrayList<>(ChildJvm.java("1500m"));
      cmd.addAll(
          List.of(
              "-Dnmis.broker.jar=" + broker.jar(),
              "-Dnmis.broker.lib=" + broker.libDir(),
              "-jar",
              Path.of("target", "nmis-reporting-api.jar").toAbsolutePath().toString(),
              "--server.port=" + port,
              "--nmis.data-dir=" + data,
              "--nmis.kafka.embedded-port=0",
              "--nmis.kafka.partitions=4",
              "--nmis.privacy.aadhaar-key=" + RegistrationFixtures.TEST_AADHAAR_KEY,
              "--nmis.ids.key=" + RegistrationFixtures.TEST_ID_KEY,
              "--nmis.forecast.first-run-after=24h",
              "--nmis.retention.enabled=false"));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.redirectOutput(log.toFile());
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      Service service = new Service(pb.start(), port);
      service.awaitReady(log);
      return service;
    }

    /** Ready means the serving indexes have read their tables: lookups answer from then on. */
    private void awaitReady(Path log) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new AssertionError("the service exited: " + tail(log));
        }
        try {
          if (api.get("/actuator/health/readiness", null, null).statusCode() == 200) {
            return;
          }
        } catch (java.io.IOException notListening) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new AssertionError("the service was not ready within 4 minutes: " + tail(log));
    }

    JsonNode awaitUpload(String id, java.util.function.Predicate<JsonNode> until) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
      JsonNode status = null;
      while (Instant.now().isBefore(deadline)) {
        status = json(api.get("/api/v1/uploads/" + id, "mh-state", "mh-demo"));
        if (until.test(status)) {
          return status;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("upload " + id + " did not get there: " + status);
    }

    List<Long> registrationCounts() throws Exception {
      HttpResponse<String> r =
          api.post(
              "/api/v1/sql",
              JSON.writeValueAsString(
                  Map.of(
                      "sql",
                      "SELECT count(*), count(DISTINCT person_id) FROM registrations",
                      "format",
                      "json")),
              "ministry",
              "ministry-demo");
      assertEquals(200, r.statusCode(), r.body());
      JsonNode row = json(r).get("rows").get(0);
      return List.of(row.get(0).asLong(), row.get(1).asLong());
    }

    void awaitRegistrations(long n) throws Exception {
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      List<Long> counts = List.of();
      while (Instant.now().isBefore(deadline)) {
        counts = registrationCounts();
        if (counts.get(0) >= n) {
          return;
        }
        Thread.sleep(1_000);
      }
      throw new AssertionError("registrations did not reach " + n + ": " + counts);
    }

    /** SIGKILL, then waits until its broker, which watches it, has gone too. */
    void kill() throws Exception {
      List<ProcessHandle> children = process.descendants().toList();
      process.destroyForcibly();
      process.waitFor();
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      for (ProcessHandle child : children) {
        while (child.isAlive() && Instant.now().isBefore(deadline)) {
          Thread.sleep(100);
        }
        child.destroyForcibly();
      }
    }

    private static String tail(Path log) throws Exception {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
  }
}
