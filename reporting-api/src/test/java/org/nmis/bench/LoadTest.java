package org.nmis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./nmis load [URL] [CLIENTS] [SECONDS]}: a bounded load test against a running service
 * (default http://localhost:8080, 32 clients, 120 s; for example on {@code ./nmis demo}). Each
 * client loops over a mix: lookups by person ID and by mobile (as Maharashtra), flows (MINISTRY),
 * governed SQL (an aggregate, two clients at a time: one user may run two queries at once), a POST
 * of 5 new registrations, the status page and, one request in 50, an upload of a 50-row CSV. It
 * counts answers by endpoint and status, keeps every latency, and reads the JVM's heap after its
 * last collection, its live threads and open files from {@code /actuator/prometheus} before and
 * after. Writes a Markdown table to {@code bench.out} (default reporting-api/target/load-test.md)
 * and exits 1 if any answer was a 5xx.
 */
public final class LoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
  private final List<String> personIds = new ArrayList<>();
  private final List<String> mobiles = new ArrayList<>();
  private final AtomicLong serial = new AtomicLong();
  private final java.util.concurrent.Semaphore analysts = new java.util.concurrent.Semaphore(2);

  private LoadTest(String base) {
    this.base = base;
  }

  public static void main(String[] args) throws Exception {
    String base = args.length > 0 ? args[0] : "http://localhost:8080";
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 120;
    Path out = Path.of(System.getProperty("bench.out", "reporting-api/target/load-test.md"));
    LoadTest t = new LoadTest(base);
    t.sample();
    Map<String, Double> before = t.jvm();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      long seed = c;
      pool.submit(
          () -> {
            SplittableRandom random = new SplittableRandom(seed);
            while (System.nanoTime() < end) {
              t.oneRequest(random);
            }
            return null;
          });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
    Thread.sleep(5_000); // let uploads and batches finish before the "after" reading
    Map<String, Double> after = t.jvm();
    String report = t.report(clients, seconds, before, after);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, report);
    System.out.println(report);
    long errors =
        t.statuses.values().stream()
            .flatMap(m -> m.entrySet().stream())
            .filter(e -> e.getKey() >= 500 || e.getKey() < 0)
            .mapToLong(e -> e.getValue().get())
            .sum();
    System.exit(errors == 0 ? 0 : 1);
  }

  /** Person IDs and mobiles to look up: a sample of the registrations, through governed SQL. */
  private void sample() throws Exception {
    HttpResponse<String> r =
        send(
            "sample",
            post(
                "/api/v1/sql",
                "{\"sql\": \"SELECT person_id, mobile FROM registrations LIMIT 2000\"}",
                "application/json"),
            "mh-state",
            "mh-demo");
    JsonNode rows = JSON.readTree(r.body()).get("rows");
    for (JsonNode row : rows) {
      personIds.add(row.get(0).asText());
      mobiles.add(row.get(1).asText().replace("+91", ""));
    }
    if (personIds.isEmpty()) {
      throw new IllegalStateException("no registrations to look up: " + r.body());
    }
    latencies.clear();
    statuses.clear();
  }

  private void oneRequest(SplittableRandom random) {
    int pick = random.nextInt(100);
    try {
      if (pick < 30) {
        String id = personIds.get(random.nextInt(personIds.size()));
        send("GET /persons/{id}", get("/api/v1/persons/" + id), "mh-state", "mh-demo");
      } else if (pick < 50) {
        String m = mobiles.get(random.nextInt(mobiles.size()));
        send("GET /persons?mobile", get("/api/v1/persons?mobile=" + m), "mh-state", "mh-demo");
      } else if (pick < 65) {
        send("GET /flows", get("/api/v1/flows?level=state"), "ministry", "ministry-demo");
      } else if (pick < 75 && analysts.tryAcquire()) {
        // Two analysts at most: a user may run two queries at once
        // (nmis.sql.max-concurrent-per-user).
        try {
          send(
              "POST /sql",
              post(
                  "/api/v1/sql",
                  "{\"sql\": \"SELECT destination_state_code, count(*) AS n FROM registrations"
                      + " GROUP BY destination_state_code\"}",
                  "application/json"),
              "mh-state",
              "mh-demo");
        } finally {
          analysts.release();
        }
      } else if (pick < 88) {
        send(
            "POST /registrations",
            post("/api/v1/registrations", registrations(5), "application/json"),
            "mh-state",
            "mh-demo");
      } else if (pick < 98) {
        send("GET /status", get("/api/v1/status"), "ministry", "ministry-demo");
      } else {
        String boundary = "load-" + UUID.randomUUID();
        String body =
            "--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"load.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + csv(50)
                + "\r\n--"
                + boundary
                + "--\r\n";
        send(
            "POST /uploads",
            post("/api/v1/uploads", body, "multipart/form-data; boundary=" + boundary),
            "mh-state",
            "mh-demo");
      }
    } catch (Exception e) {
      statuses
          .computeIfAbsent("connection", k -> new ConcurrentHashMap<>())
          .computeIfAbsent(-1, k -> new AtomicLong())
          .incrementAndGet();
    }
  }

  private String registrations(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      long s = serial.incrementAndGet();
      b.append(i == 0 ? "" : ",")
          .append("{\"source_record_id\": \"LOAD-")
          .append(UUID.randomUUID())
          .append("\", \"name\": \"Load Test\", \"age\": 30, \"gender\": \"M\", \"mobile\": \"9")
          .append(String.format("%09d", s % 1_000_000_000L))
          .append("\", \"origin_state_code\": 27, \"origin_district_code\": 490,")
          .append(" \"destination_state_code\": 9, \"destination_district_code\": 148,")
          .append(" \"travel_date\": \"2020-05-18\", \"mode\": \"TRAIN\"}");
    }
    return b.append("]").toString();
  }

  private String csv(int n) {
    StringBuilder b =
        new StringBuilder(
            "name,source_record_id,age,gender,mobile,origin_state_code,origin_district_code,"
                + "destination_state_code,destination_district_code,travel_date,mode\n");
    for (int i = 0; i < n; i++) {
      long s = serial.incrementAndGet();
      b.append("Load Upload,LOADUP-")
          .append(UUID.randomUUID())
          .append(",30,F,8")
          .append(String.format("%09d", s % 1_000_000_000L))
          .append(",27,490,9,148,2020-05-18,TRAIN\n");
    }
    return b.toString();
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).GET();
  }

  private HttpRequest.Builder post(String path, String body, String type) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(
      String endpoint, HttpRequest.Builder b, String user, String password) throws Exception {
    b.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .timeout(Duration.ofSeconds(120));
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    long micros = (System.nanoTime() - t0) / 1_000;
    latencies
        .computeIfAbsent(endpoint, k -> Collections.synchronizedList(new ArrayList<>()))
        .add(micros);
    statuses
        .computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(r.statusCode(), k -> new AtomicLong())
        .incrementAndGet();
    return r;
  }

  /** Heap after the last collection, heap used, live threads and open files, from Prometheus. */
  private Map<String, Double> jvm() throws Exception {
    HttpResponse<String> r =
        http.send(
            get("/actuator/prometheus")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                "ministry:ministry-demo".getBytes(StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, Double> out = new TreeMap<>();
    for (String line : r.body().split("\n")) {
      if (line.startsWith("#")) {
        continue;
      }
      String name = line.substring(0, Math.max(0, line.indexOf(' ')));
      double value;
      try {
        value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } catch (NumberFormatException e) {
        continue;
      }
      if (name.startsWith("jvm_gc_live_data_size_bytes")) {
        out.merge("heap live after GC (MB)", value / 1e6, Double::sum);
      } else if (name.startsWith("jvm_memory_used_bytes") && name.contains("area=\"heap\"")) {
        out.merge("heap used (MB)", value / 1e6, Double::sum);
      } else if (name.startsWith("nmis_index_persons")) {
        out.put("persons in the index", value);
      } else if (name.startsWith("jvm_threads_live_threads")) {
        out.put("live threads", value);
      } else if (name.startsWith("process_files_open_files")) {
        out.put("open files", value);
      }
    }
    return out;
  }

  private String report(
      int clients, int seconds, Map<String, Double> before, Map<String, Double> after) {
    StringBuilder md = new StringBuilder();
    md.append("Load test: ")
        .append(clients)
        .append(" clients for ")
        .append(seconds)
        .append(" s against ")
        .append(base)
        .append("\n\n| Endpoint | Requests | Statuses | p50 ms | p95 ms | p99 ms | max ms |\n")
        .append("|---|---|---|---|---|---|---|\n");
    new TreeMap<>(latencies)
        .forEach(
            (endpoint, list) -> {
              List<Long> sorted;
              synchronized (list) {
                sorted = new ArrayList<>(list);
              }
              Collections.sort(sorted);
              md.append("| ")
                  .append(endpoint)
                  .append(" | ")
                  .append(sorted.size())
                  .append(" | ")
                  .append(new TreeMap<>(statuses.get(endpoint)))
                  .append(" | ")
                  .append(ms(sorted, 0.50))
                  .append(" | ")
                  .append(ms(sorted, 0.95))
                  .append(" | ")
                  .append(ms(sorted, 0.99))
                  .append(" | ")
                  .append(ms(sorted, 1.0))
                  .append(" |\n");
            });
    if (statuses.containsKey("connection")) {
      md.append("\nConnection failures: ").append(statuses.get("connection")).append('\n');
    }
    md.append("\n| JVM | before | after |\n|---|---|---|\n");
    before.forEach(
        (k, v) ->
            md.append("| ")
                .append(k)
                .append(" | ")
                .append(String.format("%.0f", v))
                .append(" | ")
                .append(String.format("%.0f", after.getOrDefault(k, Double.NaN)))
                .append(" |\n"));
    return md.toString();
  }

  private static String ms(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return String.format("%.1f", sorted.get(Math.max(0, i)) / 1000.0);
  }
}
