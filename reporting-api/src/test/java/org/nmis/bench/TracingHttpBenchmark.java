package org.nmis.bench;

import static org.nmis.bench.WarehouseBenchmark.percentile;
import static org.nmis.bench.WarehouseBenchmark.row;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.model.ids.PersonId;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.service.MovementService;

/**
 * The tracing side of the benchmark of docs/BENCHMARKS.md, on the trains {@link MovementBenchmark}
 * manifested:
 *
 * <ol>
 *   <li>lookup plus contacts over HTTP with 4 concurrent clients: {@code GET
 *       /api/v1/tracing/persons?mobile=...} then {@code GET /api/v1/tracing/persons/{id}/contacts},
 *       timed as one unit, for seated travellers;
 *   <li>a bulk job of 10,000 index cases (their mobiles), end to end: POST, poll until DONE,
 *       download the CSV;
 *   <li>the same lookup as a plain Spark SQL query over the Delta tables, for the ratio of the
 *       in-memory index to the warehouse it follows.
 * </ol>
 *
 * The service must run with a tracing rate limit above the benchmark's rate ({@code
 * --nmis.tracing.lookups-per-minute=100000000}): at the default, the lookups are answered 429.
 */
final class TracingHttpBenchmark {
  private static final int CLIENTS = 4;

  /** Seated travellers the timed lookups cycle over. */
  private static final int SAMPLES = 2_000;

  /** A bulk job's most index cases (TracingSettings.DEFAULT_MAX_INDEX_CASES). */
  private static final int BULK_CASES = 10_000;

  private static final int SPARK_QUERIES = 20;

  /** The first Spark queries plan and load the tables' snapshots; they are run but not counted. */
  private static final int SPARK_WARM_UP = 3;

  private static final long LANDING_TIMEOUT_MS = 10 * 60_000L;
  private static final long BULK_TIMEOUT_MS = 10 * 60_000L;

  /** Mobiles are written into the Spark SQL text, so only the stored form is accepted. */
  private static final Pattern STORED_MOBILE = Pattern.compile("\\+91[6-9][0-9]{9}");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A registrant with a berth on a manifested train, and the mobile they registered with. */
  private record Seated(PersonId personId, String mobile) {}

  private record BulkRun(
      double doneSeconds, double totalSeconds, int exposed, int unresolved, long csvBytes) {}

  private record SparkRun(double[] millis, double averageRows) {}

  @FunctionalInterface
  private interface Unit {
    void run(int i) throws Exception;
  }

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String auth =
      "Basic "
          + Base64.getEncoder()
              .encodeToString("health:health-demo".getBytes(StandardCharsets.UTF_8));

  private TracingHttpBenchmark(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * Runs the three parts after the movement phase and returns their rows of the results table.
   *
   * @param units lookup-plus-contacts units to time (each two requests), spread over the clients
   */
  static List<String> run(WarehousePlatform platform, MovementService movement, int port, int units)
      throws Exception {
    // The landing job MERGEs the manifests into Delta. It must be done before the HTTP timing, or
    // it shares the
    // two cores with the service, and before the Spark query, which must see every manifest.
    long l0 = System.nanoTime();
    long landed = awaitManifestsLanded(platform, movement);
    double landingSeconds = (System.nanoTime() - l0) / 1e9;

    List<Seated> seated = seated(movement, platform.index());
    if (seated.size() < BULK_CASES) {
      throw new IllegalStateException(
          "only "
              + seated.size()
              + " travellers are seated; the tracing benchmark"
              + " needs "
              + BULK_CASES
              + ", so run the movement phase with more trains first");
    }
    List<Seated> samples = seated.subList(0, SAMPLES);
    TracingHttpBenchmark b = new TracingHttpBenchmark(port);
    double averageContacts = b.warmUp(samples);
    double[] unitMillis =
        b.concurrently(units, i -> b.lookupPlusContacts(samples.get(i % samples.size())));
    BulkRun bulk = b.bulk(seated.subList(0, BULK_CASES));
    SparkRun spark = spark(platform.spark(), samples.subList(0, SPARK_WARM_UP + SPARK_QUERIES));

    double httpP50 = percentile(unitMillis, 50);
    double sparkP50 = percentile(spark.millis(), 50);
    List<String> rows = new ArrayList<>();
    rows.add(
        row(
            "movement tables landed in Delta (wait after the movement phase)",
            String.format(
                Locale.ROOT,
                "%.1f s (%,d seated travellers in `manifests`)",
                landingSeconds,
                landed)));
    rows.add(
        row(
            "tracing lookup plus contacts (GET persons?mobile=, then persons/{id}/contacts), HTTP, "
                + CLIENTS
                + " clients",
            String.format(
                Locale.ROOT,
                "p50 %.2f ms, p99 %.2f ms (%,d units over %,d seated"
                    + " travellers; %.0f contacts on average)",
                httpP50,
                percentile(unitMillis, 99),
                unitMillis.length,
                samples.size(),
                averageContacts)));
    rows.add(
        row(
            "tracing bulk job of "
                + String.format(Locale.ROOT, "%,d", BULK_CASES)
                + " index cases (POST"
                + " JSON, poll until DONE, GET the CSV)",
            String.format(
                Locale.ROOT,
                "%.1f s in all (DONE after %.1f s;"
                    + " %,d exposed persons, %,d unresolved; CSV %.0f MB)",
                bulk.totalSeconds(),
                bulk.doneSeconds(),
                bulk.exposed(),
                bulk.unresolved(),
                bulk.csvBytes() / 1e6)));
    rows.add(
        row(
            "the same lookup as plain Spark SQL over Delta (registrations, manifests self-join), "
                + SPARK_QUERIES
                + " queries after "
                + SPARK_WARM_UP
                + " warm-up",
            String.format(
                Locale.ROOT,
                "p50 %.0f ms, max %.0f ms (%.0f contacts on average)",
                sparkP50,
                percentile(spark.millis(), 100),
                spark.averageRows())));
    rows.add(
        row(
            "Spark SQL p50 / HTTP lookup plus contacts p50",
            String.format(Locale.ROOT, "%.0f x", sparkP50 / httpP50)));
    return rows;
  }

  /**
   * Waits for the movement landing job, then checks that {@code manifests} seats as many travellers
   * as the movement service does (polling, in case the last MERGE commits just after); the number
   * seated.
   */
  private static long awaitManifestsLanded(WarehousePlatform platform, MovementService movement)
      throws InterruptedException {
    platform.awaitMovementLanded();
    long expected =
        manifested(movement).stream()
            .mapToLong(r -> movement.manifestOf(r.id()).map(Manifest::placed).orElse(0))
            .sum();
    long deadline = System.currentTimeMillis() + LANDING_TIMEOUT_MS;
    while (true) {
      long landed =
          platform
              .spark()
              .sql("SELECT count(*) FROM manifests WHERE seat_status = 'SEATED'")
              .first()
              .getLong(0);
      if (landed == expected) {
        return landed;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(
            "manifests seats "
                + landed
                + " travellers after "
                + LANDING_TIMEOUT_MS / 60_000
                + " min, the movement service "
                + expected
                + "; the movement landing job"
                + " is behind or failed, see its log (the Spark comparison would read incomplete tables)");
      }
      Thread.sleep(1_000);
    }
  }

  private static List<MovementRequest> manifested(MovementService movement) {
    return movement.all().stream().filter(r -> r.status() == RequestStatus.MANIFESTED).toList();
  }

  /**
   * Every seated registrant once, shuffled (fixed seed) so that the samples span trains and dates.
   */
  private static List<Seated> seated(MovementService movement, RegistrationIndex registrations) {
    Set<PersonId> seen = new HashSet<>();
    List<Seated> out = new ArrayList<>();
    for (MovementRequest r : manifested(movement)) {
      for (ManifestLine line : movement.manifestOf(r.id()).orElseThrow().lines()) {
        PersonId p = line.traveller().registrant();
        if (line.traveller().companion() == 0 && seen.add(p)) {
          registrations
              .byPersonId(p)
              .ifPresent(s -> out.add(new Seated(p, s.registration().mobile())));
        }
      }
    }
    out.sort(
        Comparator.comparing(s -> s.personId().value())); // the requests come in no fixed order
    Collections.shuffle(out, new Random(42));
    return out;
  }

  /**
   * One untimed unit per sample: warms the service's path, checks every answer, and counts the
   * contacts (parsed here rather than in the timed units, where the clients' parsing would take CPU
   * from the service).
   */
  private double warmUp(List<Seated> samples) throws Exception {
    int[] contacts = new int[samples.size()];
    concurrently(
        samples.size(),
        i -> {
          JsonNode report = JSON.readTree(lookupPlusContacts(samples.get(i)));
          if (!report.path("indexCase").toString().contains(samples.get(i).personId().value())) {
            throw new IllegalStateException(
                "the contacts of "
                    + samples.get(i).personId()
                    + " name another index"
                    + " case: "
                    + report.get("indexCase"));
          }
          contacts[i] = report.get("contacts").size();
        });
    double sum = 0;
    for (int c : contacts) {
      sum += c;
    }
    return sum / contacts.length;
  }

  /** The measured unit: the person by mobile, then their contacts; the contacts answer. */
  private byte[] lookupPlusContacts(Seated s) throws Exception {
    String id = s.personId().value();
    byte[] found =
        get("/api/v1/tracing/persons?mobile=" + s.mobile().substring(3) + "&purpose=bench");
    // A client takes the ID from this answer; the benchmark knows it, and checks the answer holds
    // it.
    if (!new String(found, StandardCharsets.UTF_8).contains(id)) {
      throw new IllegalStateException("the lookup of " + s.mobile() + " does not find " + id);
    }
    return get("/api/v1/tracing/persons/" + id + "/contacts?purpose=bench");
  }

  /** POSTs the mobiles as one job, polls until DONE, downloads the CSV result; end to end. */
  private BulkRun bulk(List<Seated> cases) throws Exception {
    String body =
        "{\"purpose\": \"bench\", \"index_cases\": ["
            + cases.stream().map(s -> "\"" + s.mobile() + "\"").collect(Collectors.joining(","))
            + "]}";
    long t0 = System.nanoTime();
    JsonNode status =
        JSON.readTree(
            send(
                    request("/api/v1/tracing/bulk")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                    HttpResponse.BodyHandlers.ofByteArray(),
                    202)
                .body());
    String id = status.get("job_id").asText();
    while (status.get("state").asText().equals("RUNNING")) {
      if ((System.nanoTime() - t0) / 1_000_000 > BULK_TIMEOUT_MS) {
        throw new IllegalStateException(
            "bulk job " + id + " still runs after " + BULK_TIMEOUT_MS / 60_000 + " min");
      }
      Thread.sleep(50);
      status = JSON.readTree(get("/api/v1/tracing/bulk/" + id));
    }
    double done = (System.nanoTime() - t0) / 1e9;
    if (!status.get("state").asText().equals("DONE")) {
      throw new IllegalStateException("bulk job " + id + " ended " + status);
    }
    long bytes;
    try (InputStream csv =
        send(
                request("/api/v1/tracing/bulk/" + id + "/result").GET(),
                HttpResponse.BodyHandlers.ofInputStream(),
                200)
            .body()) {
      bytes = csv.transferTo(OutputStream.nullOutputStream());
    }
    return new BulkRun(
        done,
        (System.nanoTime() - t0) / 1e9,
        status.get("exposed_persons").asInt(),
        status.get("unresolved").asInt(),
        bytes);
  }

  /**
   * The lookup plus contacts of each person as one Spark SQL query, collected to the driver, timed.
   */
  private static SparkRun spark(SparkSession spark, List<Seated> persons) {
    double[] ms = new double[persons.size() - SPARK_WARM_UP];
    long rows = 0;
    for (int i = 0; i < persons.size(); i++) {
      String sql = contactsSql(persons.get(i).mobile());
      long t0 = System.nanoTime();
      int found = spark.sql(sql).collectAsList().size();
      double took = (System.nanoTime() - t0) / 1e6;
      if (i >= SPARK_WARM_UP) {
        ms[i - SPARK_WARM_UP] = took;
        rows += found;
      }
    }
    return new SparkRun(ms, (double) rows / ms.length);
  }

  /**
   * What the index answers, as SQL: the registrants with the mobile, their berths, and every other
   * registrant seated on the same train and date, at the strongest level (same bay, same coach,
   * same train) with the number of their travellers exposed and the details a health team calls
   * them with. Unlike the index, it does not match registrations by vehicle reference; the
   * benchmark's trains are numbered apart from the registrations'.
   */
  static String contactsSql(String mobile) {
    if (!STORED_MOBILE.matcher(mobile).matches()) {
      throw new IllegalArgumentException(
          "'" + mobile + "' is not a stored mobile (+91 and 10 digits)");
    }
    return "WITH cases AS (SELECT person_id FROM registrations WHERE mobile = '"
        + mobile
        + "'),"
        + " seats AS (SELECT m.person_id, m.train_number, m.train_date, m.coach, m.bay FROM manifests m"
        + " JOIN cases c ON m.person_id = c.person_id WHERE m.seat_status = 'SEATED')"
        + " SELECT o.person_id, r.name, r.mobile, r.destination_state_code, r.destination_district_code,"
        + " min(CASE WHEN o.coach = s.coach AND o.bay = s.bay THEN 0 WHEN o.coach = s.coach THEN 1 ELSE 2 END)"
        + " AS level, count(DISTINCT o.traveller) AS travellers, max(o.train_date) AS last_exposure"
        + " FROM seats s JOIN manifests o ON o.train_number = s.train_number AND o.train_date = s.train_date"
        + " AND o.seat_status = 'SEATED' AND o.person_id <> s.person_id"
        + " LEFT JOIN registrations r ON r.person_id = o.person_id"
        + " GROUP BY o.person_id, r.name, r.mobile, r.destination_state_code, r.destination_district_code"
        + " ORDER BY level, o.person_id";
  }

  /**
   * Runs units 0 to count - 1 on {@link #CLIENTS} threads, client c taking c, c + CLIENTS, ...; the
   * milliseconds of each unit, by unit number.
   */
  private double[] concurrently(int count, Unit unit) throws Exception {
    double[] ms = new double[count];
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int first = c;
        clients.add(
            pool.submit(
                () -> {
                  for (int i = first; i < count; i += CLIENTS) {
                    long t0 = System.nanoTime();
                    unit.run(i);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                  }
                  return null;
                }));
      }
      for (Future<?> client : clients) {
        client.get(); // also publishes the client's entries of ms to this thread
      }
    } finally {
      pool.shutdownNow();
    }
    return ms;
  }

  private byte[] get(String path) throws Exception {
    return send(request(path).GET(), HttpResponse.BodyHandlers.ofByteArray(), 200).body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth);
  }

  private <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, int expected)
      throws Exception {
    HttpResponse<T> r = http.send(request.build(), body);
    if (r.statusCode() != expected) {
      String answer =
          r.body() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : "";
      throw new IllegalStateException(
          r.request().method()
              + " "
              + r.uri()
              + " answered "
              + r.statusCode()
              + " instead of "
              + expected
              + ": "
              + answer
              + (r.statusCode() == 429
                  ? " (start the service with" + " --nmis.tracing.lookups-per-minute=100000000)"
                  : ""));
    }
    return r;
  }
}
