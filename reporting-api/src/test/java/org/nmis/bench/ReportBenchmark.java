package org.nmis.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;

/**
 * The governed-SQL side of the benchmark, on the data the ingestion benchmark left: governance
 * overhead per query, five report queries through /api/v1/sql and the same five in DuckDB over a
 * Parquet snapshot of the same tables, and a 1,000,000-row CSV export with the JVM's peak heap.
 */
public final class ReportBenchmark {
  /** Report queries as sent to /api/v1/sql (Spark SQL through Calcite) and as run by DuckDB. */
  public record Report(String name, String governed, String duckdb) {}

  public static final List<Report> REPORTS =
      List.of(
          same(
              "flows by state pair",
              "SELECT origin_state_code, destination_state_code, sum(registrations) AS r,"
                  + " sum(persons) AS p FROM od_flows GROUP BY origin_state_code, destination_state_code ORDER BY p DESC"
                  + " LIMIT 50"),
          same(
              "top destination districts",
              "SELECT destination_district_code, count(*) AS n FROM registrations"
                  + " GROUP BY destination_district_code ORDER BY n DESC LIMIT 20"),
          same(
              "daily outflow of a state",
              "SELECT travel_date, sum(outflow_persons) AS persons FROM state_daily"
                  + " WHERE state_code = 27 GROUP BY travel_date ORDER BY travel_date"),
          same(
              "age bands by destination",
              "SELECT destination_state_code, CASE WHEN age < 18 THEN '0-17' WHEN age < 40"
                  + " THEN '18-39' WHEN age < 60 THEN '40-59' ELSE '60+' END AS band, count(*) AS n FROM registrations GROUP BY"
                  + " destination_state_code, CASE WHEN age < 18 THEN '0-17' WHEN age < 40 THEN '18-39' WHEN age < 60 THEN"
                  + " '40-59' ELSE '60+' END ORDER BY destination_state_code, band"),
          // Spark indexes arrays from 0 and DuckDB from 1: the same first error code.
          new Report(
              "rejects by first reason",
              "SELECT error_codes[0] AS code, count(*) AS n FROM"
                  + " registration_rejects GROUP BY error_codes[0] ORDER BY n DESC",
              "SELECT error_codes[1] AS code,"
                  + " count(*) AS n FROM registration_rejects GROUP BY error_codes[1] ORDER BY n DESC"));

  private ReportBenchmark() {}

  private static Report same(String name, String sql) {
    return new Report(name, sql, sql);
  }

  static List<String> run(WarehousePlatform platform, GovernedSql governed, int port, Path dir)
      throws Exception {
    List<String> rows = new ArrayList<>();
    AccessScope ministry = new AccessScope("ministry", Role.MINISTRY, null, null);
    for (int i = 0; i < 500; i++) {
      governed.prepare(REPORTS.get(i % REPORTS.size()).governed(), ministry, 10_000);
    }
    double[] prepare = new double[5_000];
    for (int i = 0; i < prepare.length; i++) {
      long t0 = System.nanoTime();
      governed.prepare(REPORTS.get(i % REPORTS.size()).governed(), ministry, 10_000);
      prepare[i] = (System.nanoTime() - t0) / 1e6;
    }
    rows.add(
        WarehouseBenchmark.row(
            "governance overhead per query (parse, validate, rewrite, unparse)",
            String.format(
                Locale.ROOT,
                "p50 %.3f ms, p99 %.3f ms (%,d prepares)",
                WarehouseBenchmark.percentile(prepare, 50),
                WarehouseBenchmark.percentile(prepare, 99),
                prepare.length)));

    Path parquet = dir.resolve("parquet");
    for (String table :
        List.of("registrations", "registration_rejects", "od_flows", "state_daily")) {
      platform
          .spark()
          .read()
          .format("delta")
          .load(platform.warehouse().root() + "/" + table)
          .write()
          .mode("overwrite")
          .parquet(parquet.resolve(table).toString());
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement()) {
      for (String table :
          List.of("registrations", "registration_rejects", "od_flows", "state_daily")) {
        st.execute(
            "CREATE VIEW "
                + table
                + " AS SELECT * FROM read_parquet('"
                + parquet.resolve(table)
                + "/*.parquet')");
      }
      for (Report r : REPORTS) {
        long apiRows = rows(port, r);
        double[] api = apiMillis(port, r);
        double[] duckMs = new double[3];
        long duckRows = 0;
        count(st, r.duckdb());
        for (int i = 0; i < duckMs.length; i++) {
          long t0 = System.nanoTime();
          duckRows = count(st, r.duckdb());
          duckMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        double a = WarehouseBenchmark.percentile(api, 50);
        double d = WarehouseBenchmark.percentile(duckMs, 50);
        rows.add(
            WarehouseBenchmark.row(
                "report: " + r.name(),
                String.format(
                    Locale.ROOT,
                    "/api/v1/sql %.0f ms (%d rows) vs DuckDB %.0f ms (%d rows): ratio %.1f",
                    a,
                    apiRows,
                    d,
                    duckRows,
                    a / d)));
      }
    }

    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    long t0 = System.nanoTime();
    long bytes =
        exportBytes(
            port,
            "SELECT person_id, age, gender, origin_state_code, origin_district_code,"
                + " destination_state_code, destination_district_code, travel_date, mode FROM registrations LIMIT 1000000");
    double seconds = (System.nanoTime() - t0) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    rows.add(
        WarehouseBenchmark.row(
            "CSV export of 1,000,000 rows through /api/v1/sql",
            String.format(
                Locale.ROOT,
                "%.1f s, %,d MB; JVM heap %,d MB before, peak %,d MB (whole service, all jobs running)",
                seconds,
                bytes / 1_000_000,
                before / 1_000_000,
                peak / 1_000_000)));
    return rows;
  }

  /** Each report through /api/v1/sql alone: the median of 3 runs after one warm-up. */
  static List<String> governedOnly(int port) throws Exception {
    List<String> rows = new ArrayList<>();
    for (Report r : REPORTS) {
      long n = rows(port, r);
      double[] ms = apiMillis(port, r);
      rows.add(
          WarehouseBenchmark.row(
              "report through /api/v1/sql: " + r.name(),
              String.format(
                  Locale.ROOT,
                  "median %.0f ms, max %.0f ms of 3 (%d rows)",
                  WarehouseBenchmark.percentile(ms, 50),
                  WarehouseBenchmark.percentile(ms, 100),
                  n)));
    }
    return rows;
  }

  /** Runs the report once (the warm-up) and says how many rows it answered. */
  private static long rows(int port, Report r) throws Exception {
    return sql(port, r.governed(), "json").split("\\],\\[").length;
  }

  private static double[] apiMillis(int port, Report r) throws Exception {
    double[] api = new double[3];
    for (int i = 0; i < api.length; i++) {
      long t0 = System.nanoTime();
      sql(port, r.governed(), "json");
      api[i] = (System.nanoTime() - t0) / 1e6;
    }
    return api;
  }

  private static long count(Statement st, String sql) throws Exception {
    long n = 0;
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  private static String sql(int port, String sql, String format) throws Exception {
    HttpResponse<String> r = send(port, sql, format, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("/api/v1/sql answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  private static long exportBytes(int port, String sql) throws Exception {
    HttpResponse<java.io.InputStream> r =
        send(port, sql, "csv", HttpResponse.BodyHandlers.ofInputStream());
    long n = 0;
    try (java.io.InputStream in = r.body()) {
      byte[] buffer = new byte[1 << 16];
      for (int k = in.read(buffer); k >= 0; k = in.read(buffer)) {
        n += k;
      }
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("export answered " + r.statusCode());
    }
    return n;
  }

  private static <T> HttpResponse<T> send(
      int port, String sql, String format, HttpResponse.BodyHandler<T> body) throws Exception {
    String json =
        "{\"sql\": \""
            + sql.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\", \"format\": \""
            + format
            + "\"}";
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sql"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString("ministry:ministry-demo".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HttpClient.newHttpClient().send(req, body);
  }
}
