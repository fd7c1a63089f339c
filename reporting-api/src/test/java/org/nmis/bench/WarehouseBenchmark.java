package org.nmis.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nmis.api.NmisApplication;
import org.nmis.api.forecast.ForecastDesk;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.synthetic.SyntheticMessage;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.service.MovementService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ingestion and lookup benchmark of docs/BENCHMARKS.md, in one run on the embedded default:
 *
 * <ol>
 *   <li>warm-up: 50,000 synthetic registrations through the whole path (JIT, Spark, Delta caches);
 *   <li>N synthetic registrations (default 1,000,000: 3% invalid, 1% re-sent, 0.5% corrections)
 *       published to Kafka while the streaming job ingests them: end-to-end registrations/s into
 *       {@code registrations};
 *   <li>the ceiling: a plain Spark batch append of the same Kafka records to a Delta table;
 *   <li>freshness: publish one registration, time until the serving index has it (10 samples);
 *   <li>lookups over HTTP with 4 concurrent clients (by mobile and by person ID): p50/p99.
 * </ol>
 *
 * Run: {@code ./nmis bench [N]}. Prints a Markdown table and writes it to
 * target/benchmark-results.md.
 */
public final class WarehouseBenchmark {
  static final int CLIENTS = 4;

  private WarehouseBenchmark() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    long lookups = args.length > 1 ? Long.parseLong(args[1]) : 100_000L;
    // bench.dir keeps the data for a later run; bench.reuse=true starts on it without publishing.
    String kept = System.getProperty("bench.dir");
    Path dataDir =
        kept != null
            ? Files.createDirectories(Path.of(kept))
            : Files.createTempDirectory("nmis-bench");
    boolean reuse = Boolean.getBoolean("bench.reuse");
    ConfigurableApplicationContext ctx = start(dataDir, "--nmis.kafka.embedded-port=0");
    List<String> report = new ArrayList<>();
    try {
      WarehousePlatform platform = ctx.getBean(WarehousePlatform.class);
      RegistrationPublisher publisher = ctx.getBean(RegistrationPublisher.class);
      RegistrationIndex index = ctx.getBean(RegistrationIndex.class);
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      boolean forecastPhase = "forecast".equals(System.getProperty("bench.phases"));
      LocalDate asOf = LocalDate.parse(System.getProperty("bench.asOf", "2020-07-31"));
      if (forecastPhase && reuse) {
        platform.awaitCaughtUp();
        report.add("| metric | value |");
        report.add("|---|---|");
        report.add(row("indexed persons (data kept from an earlier run)", "" + index.size()));
        report.addAll(ForecastBenchmark.run(platform, ctx.getBean(ForecastDesk.class), asOf));
        write(report, "");
        return;
      }

      publish(publisher, 1, 50_000);
      platform.awaitCaughtUp();

      // Freshness during the burst: a probe every 5 s from its start until the job has caught up.
      java.util.concurrent.atomic.AtomicBoolean bursting =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      java.util.concurrent.CompletableFuture<double[]> duringBurst =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> probeWhile(publisher, index, bursting));
      long t0 = System.nanoTime();
      SyntheticRegistrations.Counts counts = publish(publisher, 2, n);
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      platform.awaitIngested();
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      bursting.set(false);
      double[] burstFreshness = duringBurst.get();
      platform.awaitCaughtUp();
      double indexedSeconds = (System.nanoTime() - t0) / 1e9;

      int peak = Integer.getInteger("bench.peak", 280);
      int trains = Integer.getInteger("bench.trains", 1_000);
      if (forecastPhase) {
        // The forecast phase alone (issue 16): the data, its trains, then the forecast job.
        MovementBenchmark.Result movement =
            MovementBenchmark.run(ctx.getBean(MovementService.class), index, peak, trains);
        report.add("| metric | value |");
        report.add("|---|---|");
        report.add(
            row("registrations published", String.format(Locale.ROOT, "%,d", counts.total())));
        report.add(
            row(
                "trains manifested",
                String.format(
                    Locale.ROOT,
                    "%,d (%,d travellers seated)",
                    movement.overall().trains(),
                    movement.overall().travellers())));
        report.addAll(ForecastBenchmark.run(platform, ctx.getBean(ForecastDesk.class), asOf));
        write(report, "");
        return;
      }
      if ("pdf".equals(System.getProperty("bench.phases"))) {
        // The PDF phase alone (issue 14): the data, its trains, then the documents.
        platform.awaitFlowsCaughtUp();
        MovementBenchmark.run(ctx.getBean(MovementService.class), index, peak, trains);
        List<String> pdf = PdfBenchmark.run(platform, ctx.getBean(MovementService.class), port, 27);
        report.add("| metric | value |");
        report.add("|---|---|");
        report.add(
            row("registrations published", String.format(Locale.ROOT, "%,d", counts.total())));
        report.addAll(pdf);
        write(report, "");
        return;
      }

      double appendSeconds =
          PlainAppend.run(platform, dataDir.resolve("plain-append").toUri().toString());
      long appended = counts.total() + 50_000;

      progress(
          "ingestion",
          List.of(
              rate(counts.total(), ingestSeconds)
                  + " end to end; plain append "
                  + rate(appended, appendSeconds)));
      IngestRatio.Result ratio =
          IngestRatio.run(
              platform,
              dataDir.resolve("ratio"),
              Long.parseLong(System.getProperty("bench.maxOffsets", "250000")),
              Integer.getInteger("bench.passes", 3));
      String ratioLine =
          String.format(Locale.ROOT, "end-to-end / plain append: %.2f", ratio.medianRatio());
      System.out.println(ratioLine);
      progress("ingestion ratio", ratio.table());
      double[] freshness = freshness(publisher, index);
      List<String> mobiles = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      sample(index, mobiles, ids, 20_000);
      double[] byMobile =
          lookups(
              port, lookups / 2, i -> "/api/v1/persons?mobile=" + mobiles.get(i % mobiles.size()));
      double[] byId = lookups(port, lookups / 2, i -> "/api/v1/persons/" + ids.get(i % ids.size()));

      platform.awaitFlowsCaughtUp();
      double[] flows = flows(port, 4_000);
      List<String> reports =
          ReportBenchmark.run(platform, ctx.getBean(GovernedSql.class), port, dataDir);
      progress("reports", reports);
      MovementBenchmark.Result movement =
          MovementBenchmark.run(ctx.getBean(MovementService.class), index, peak, trains);
      progress(
          "movement",
          List.of(
              String.format(
                  Locale.ROOT,
                  "peak day %d trains %.1f s, all %d trains %.1f s",
                  movement.trains(),
                  movement.totalSeconds(),
                  movement.overall().trains(),
                  movement.overall().seconds())));
      List<String> tracing =
          TracingHttpBenchmark.run(platform, ctx.getBean(MovementService.class), port, 10_000);
      progress("tracing", tracing);
      List<String> pdf = PdfBenchmark.run(platform, ctx.getBean(MovementService.class), port, 27);
      progress("pdf", pdf);

      report.add("| metric | value |");
      report.add("|---|---|");
      report.add(row("registrations published (N)", counts.describe()));
      report.add(row("publish to Kafka", rate(counts.total(), publishSeconds)));
      report.add(
          row(
              "end-to-end into `registrations` (first publish -> last MERGE)",
              rate(counts.total(), ingestSeconds)));
      report.add(row("... and into the serving index", rate(counts.total(), indexedSeconds)));
      report.add(
          row(
              "plain Spark append of the same Kafka records to Delta (ceiling)",
              rate(appended, appendSeconds)));
      report.add(
          row(
              "streaming end-to-end (the service's other jobs running too) / plain append",
              String.format(
                  Locale.ROOT,
                  "%.2f",
                  (counts.total() / ingestSeconds) / (appended / appendSeconds))));
      report.addAll(ratio.table());
      report.add(
          row(
              "freshness publish -> findable (10 samples)",
              String.format(
                  Locale.ROOT,
                  "p50 %.1f s, max %.1f s",
                  percentile(freshness, 50),
                  percentile(freshness, 100))));
      report.add(
          row(
              "freshness publish -> findable during the burst (a probe every 5 s until caught up, "
                  + burstFreshness.length
                  + " probes)",
              burstFreshness.length == 0
                  ? "no probe"
                  : String.format(
                      Locale.ROOT,
                      "p50 %.1f s, max %.1f s",
                      percentile(burstFreshness, 50),
                      percentile(burstFreshness, 100))));
      report.add(row("indexed persons", String.format(Locale.ROOT, "%,d", index.size())));
      report.add(row("lookup by mobile, HTTP, " + CLIENTS + " clients", latency(byMobile)));
      report.add(row("lookup by person ID, HTTP, " + CLIENTS + " clients", latency(byId)));
      report.add(
          row(
              "GET /api/v1/flows, HTTP, "
                  + CLIENTS
                  + " clients, "
                  + platform.flows().size()
                  + " flow keys",
              latency(flows) + String.format(Locale.ROOT, ", p95 %.2f ms", percentile(flows, 95))));
      report.addAll(reports);
      report.add(
          row(
              "manifest of one train (allocation, e-passes, movement log), median / max",
              String.format(
                  Locale.ROOT,
                  "%.0f ms / %.0f ms",
                  percentile(movement.manifestMillis(), 50),
                  percentile(movement.manifestMillis(), 100))));
      report.add(
          row(
              "peak day: " + movement.trains() + " trains created, decided, booked and manifested",
              String.format(
                  Locale.ROOT,
                  "%.1f s in all (%,d travellers seated; manifest steps %.1f s)",
                  movement.totalSeconds(),
                  movement.travellers(),
                  Arrays.stream(movement.manifestMillis()).sum() / 1000)));
      report.add(
          row(
              "all "
                  + movement.overall().trains()
                  + " trains over "
                  + movement.overall().dates()
                  + " dates",
              String.format(
                  Locale.ROOT,
                  "%.1f s in all (%,d travellers seated)",
                  movement.overall().seconds(),
                  movement.overall().travellers())));
      report.addAll(tracing);
      report.addAll(pdf);
      write(report, ratioLine);
    } finally {
      ctx.close();
    }
  }

  /** The service as the benchmarks run it, with {@code settings} added (where its parts are). */
  static ConfigurableApplicationContext start(Path dataDir, String... settings) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--nmis.data-dir=" + dataDir,
                "--nmis.ingestion.max-offsets-per-trigger="
                    + System.getProperty("bench.maxOffsets", "250000"),
                "--logging.level.org.nmis=WARN",
                // The benchmark runs the forecast itself, when its data are in.
                "--nmis.forecast.first-run-after=24h",
                // The per-user tracing rate limit would stop the 4 measuring clients; the limit
                // itself is tested in TracingIT.
                "--nmis.tracing.lookups-per-minute=100000000"));
    args.addAll(List.of(settings));
    return SpringApplication.run(NmisApplication.class, args.toArray(String[]::new));
  }

  /** Prints the table and writes it to the results file ({@code bench.out}). */
  static void write(List<String> report, String ratioLine) throws Exception {
    String table = String.join("\n", report);
    System.out.println("\n" + table + "\n");
    Path out = Path.of(System.getProperty("bench.out", "target/benchmark-results.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(
        out,
        "Run "
            + Instant.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores\n\n"
            + (ratioLine.isEmpty() ? "" : ratioLine + "\n\n")
            + table
            + "\n");
    if (!ratioLine.isEmpty()) {
      System.out.println(ratioLine);
    }
    System.out.println("[bench] results written to " + out.toAbsolutePath());
  }

  /**
   * Each phase's figures as soon as it ends: a long run stopped part way still leaves what it
   * measured.
   */
  static void progress(String phase, List<String> rows) {
    System.out.println("[bench] " + phase + " done at " + Instant.now());
    rows.forEach(r -> System.out.println("[bench]   " + r));
  }

  static SyntheticRegistrations.Counts publish(
      RegistrationPublisher publisher, long seed, long count) {
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(seed)).stream(count);
    while (run.hasNext()) {
      SyntheticMessage m = run.next();
      publisher.publish(m.key(), m.value(), "bench:state-system");
    }
    publisher.flush();
    return run.counts();
  }

  /** Publish -> findable, a probe every 5 s while {@code running}; seconds of each probe. */
  private static double[] probeWhile(
      RegistrationPublisher publisher,
      RegistrationIndex index,
      java.util.concurrent.atomic.AtomicBoolean running) {
    List<Double> seconds = new ArrayList<>();
    try {
      while (running.get()) {
        seconds.add(probe(publisher, index, "BURST-" + seconds.size()));
        Thread.sleep(5_000);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return seconds.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] freshness(RegistrationPublisher publisher, RegistrationIndex index)
      throws Exception {
    double[] seconds = new double[10];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = probe(publisher, index, "QUIET-" + i);
      Thread.sleep(1_000);
    }
    return seconds;
  }

  /** Publishes one registration and waits until the serving index has it: seconds. */
  private static double probe(RegistrationPublisher publisher, RegistrationIndex index, String tag)
      throws Exception {
    String key = "27:BENCH-FRESH-" + tag + "-" + System.nanoTime();
    String recordId = key.substring(3);
    String json =
        "{\"source_state_code\":27,\"source_record_id\":\""
            + recordId
            + "\",\"name\":\"Ram\","
            + "\"age\":30,\"gender\":\"M\",\"mobile\":\"9876500000\",\"origin_state_code\":27,"
            + "\"origin_district_code\":490,\"destination_state_code\":9,\"destination_district_code\":148,"
            + "\"travel_date\":\"2020-05-20\",\"mode\":\"TRAIN\"}";
    long t0 = System.nanoTime();
    publisher.publish(key, json.getBytes(StandardCharsets.UTF_8), "bench").get();
    while (index.bySourceKey(key).isEmpty()) {
      Thread.sleep(20);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  static void sample(RegistrationIndex index, List<String> mobiles, List<String> ids, int max) {
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(2)).stream(max);
    while (run.hasNext()) {
      SyntheticMessage m = run.next();
      index
          .bySourceKey(m.key())
          .flatMap(index::byPersonId)
          .ifPresent(
              (StoredRegistration s) -> {
                mobiles.add(s.registration().mobile().substring(3));
                ids.add(s.personId().value());
              });
    }
  }

  /** The heap still in use after full collections: what the live objects take. */
  static long liveHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The four flows requests a ministry makes most, {@code count} in all over 4 clients. */
  static double[] flows(int port, long count) throws Exception {
    String[] paths = {
      "/api/v1/flows?level=state",
      "/api/v1/flows?level=district&origin_state=27",
      "/api/v1/flows?level=state&from=2020-05-01&to=2020-05-31",
      "/api/v1/flows?level=district&destination_state=9"
    };
    return requests(port, count, i -> paths[i % paths.length], "ministry:ministry-demo");
  }

  static double[] lookups(int port, long count, java.util.function.IntFunction<String> path)
      throws Exception {
    return requests(port, count, path, "health:health-demo");
  }

  static double[] requests(
      int port, long count, java.util.function.IntFunction<String> path, String credentials)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<double[]>> parts = new ArrayList<>();
    long perClient = count / CLIENTS;
    for (int c = 0; c < CLIENTS; c++) {
      int offset = c * 7919;
      parts.add(
          pool.submit(
              () -> {
                double[] ms = new double[(int) perClient];
                for (int i = 0; i < perClient; i++) {
                  HttpRequest req =
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + port + path.apply(offset + i)))
                          .header("Authorization", auth)
                          .GET()
                          .build();
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                  ms[i] = (System.nanoTime() - t0) / 1e6;
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException("lookup answered " + r.statusCode());
                  }
                }
                return ms;
              }));
    }
    List<double[]> all = new ArrayList<>();
    for (Future<double[]> f : parts) {
      all.add(f.get());
    }
    pool.shutdown();
    // The first tenth warms the HTTP path; it is not counted.
    return all.stream()
        .flatMapToDouble(a -> Arrays.stream(a, a.length / 10, a.length))
        .sorted()
        .toArray();
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static String rate(long rows, double seconds) {
    return String.format(
        Locale.ROOT, "%,.0f rows/s (%,d rows in %.1f s)", rows / seconds, rows, seconds);
  }

  static String latency(double[] ms) {
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p99 %.2f ms (%,d requests)",
        percentile(ms, 50),
        percentile(ms, 99),
        ms.length);
  }

  static String row(String metric, String value) {
    return "| " + metric + " | " + value + " |";
  }
}
