package org.nmis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.service.MovementService;

/**
 * PDF reports over HTTP on the benchmark's data (issue 14): the manifest of the fullest train warm,
 * alone and with 4 concurrent requests (pages per second), the heap while it is filled, and the
 * state and national summaries over every registration.
 */
final class PdfBenchmark {
  private static final int CLIENTS = 4;
  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;

  private PdfBenchmark(int port) {
    this.port = port;
  }

  /**
   * Measures once the movement and audit logs written so far are landed, so that the figures are of
   * the reports and not of the landing jobs catching up after the trains were manifested.
   */
  static List<String> run(
      org.nmis.api.platform.WarehousePlatform platform,
      MovementService movement,
      int port,
      int state)
      throws Exception {
    platform.awaitMovementLanded();
    platform.awaitAuditLanded();
    return new PdfBenchmark(port).measure(movement, state);
  }

  private List<String> measure(MovementService movement, int state) throws Exception {
    MovementRequest fullest =
        movement.all().stream()
            .filter(r -> r.status() == RequestStatus.MANIFESTED && r.manifest() != null)
            .max(Comparator.comparingInt(r -> r.manifest().placed()))
            .orElseThrow(() -> new IllegalStateException("no manifested train to print"));
    String manifest = "/api/v1/movement/requests/" + fullest.id() + "/manifest.pdf";
    String railways = "railways:railways-demo";
    for (int i = 0; i < 3; i++) {
      get(manifest, railways);
    }
    byte[] one = get(manifest, railways);
    int pages;
    try (PDDocument doc = Loader.loadPDF(one)) {
      pages = doc.getNumberOfPages();
    }
    double[] alone = times(manifest, railways, 10);

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.start();
    get(manifest, railways);
    sampling.set(false);
    sampler.join();

    int perClient = 5;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    long t0 = System.nanoTime();
    List<Future<?>> parts = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      parts.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perClient; i++) {
                  get(manifest, railways);
                }
                return null;
              }));
    }
    for (Future<?> f : parts) {
      f.get();
    }
    double concurrentSeconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();

    String range = "from=2020-03-01&to=2021-02-28";
    String summary = "/api/v1/reports/state-summary.pdf?state=" + state + "&" + range;
    String national = "/api/v1/reports/national-summary.pdf?" + range;
    String ministry = "ministry:ministry-demo";
    get(summary, ministry);
    get(national, ministry);
    double[] stateMs = times(summary, ministry, 10);
    double[] nationalMs = times(national, ministry, 10);

    return List.of(
        WarehouseBenchmark.row(
            "manifest PDF of the fullest train ("
                + fullest.manifest().placed()
                + " passengers, "
                + pages
                + " pages, "
                + one.length / 1024
                + " KB), warm, one at a time",
            ms(alone)),
        WarehouseBenchmark.row(
            "manifest PDFs, " + CLIENTS + " concurrent clients x " + perClient,
            String.format(
                Locale.ROOT,
                "%.1f pages/s (%d documents in %.1f s)",
                CLIENTS * perClient * pages / concurrentSeconds,
                CLIENTS * perClient,
                concurrentSeconds)),
        WarehouseBenchmark.row(
            "heap while one manifest PDF is filled (whole service, sampled every 5 ms)",
            String.format(
                Locale.ROOT,
                "%,d MB before, peak %,d MB (+%,d MB)",
                before >> 20,
                peak.get() >> 20,
                (peak.get() - before) >> 20)),
        WarehouseBenchmark.row(
            "state summary PDF of state " + state + ", a year of travel dates, warm", ms(stateMs)),
        WarehouseBenchmark.row(
            "national summary PDF, a year of travel dates, warm", ms(nationalMs)));
  }

  private double[] times(String path, String credentials, int n) throws Exception {
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      get(path, credentials);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return ms;
  }

  private byte[] get(String path, String credentials) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          path
              + " answered "
              + r.statusCode()
              + ": "
              + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r.body();
  }

  private static String ms(double[] values) {
    return String.format(
        Locale.ROOT,
        "median %.0f ms, max %.0f ms (%d requests)",
        WarehouseBenchmark.percentile(values, 50),
        WarehouseBenchmark.percentile(values, 100),
        values.length);
  }
}
