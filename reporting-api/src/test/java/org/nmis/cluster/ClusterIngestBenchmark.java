package org.nmis.cluster;

import static org.nmis.cluster.LocalCluster.log;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.nmis.bench.ReportBenchmark;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.tables.RegistrationRejectsTable;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * {@code ./nmis cluster bench-ingest [N]}: N synthetic registrations (default 10,000,000) through
 * the ingestion job submitted to the local cluster's master ({@link LocalCluster#submitIngestJob}),
 * from a three-broker topic to Delta on HDFS. Measures the publish rate, the end-to-end rate (first
 * publish to the last person in {@code registrations}), the tables' bytes per row on HDFS, and
 * then, with the job stopped, the report queries on {@code registrations} and {@code
 * registration_rejects} as Spark SQL on the cluster at that size. Exits 1 when a count is off.
 * Figures go to {@code bench.out} (default target/cluster-ingest.md).
 */
public final class ClusterIngestBenchmark {
  private ClusterIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    LocalCluster cluster = new LocalCluster();
    LocalCluster.IngestRun run =
        cluster.startIngestRun("scale", Long.getLong("bench.maxOffsets", 250_000));
    WarehouseLocation warehouse = run.warehouse();
    Process job = run.job();
    List<String> report = new ArrayList<>(List.of("| metric | value |", "|---|---|"));
    SparkSession counting =
        SparkSessions.getOrCreate(new SparkSettings("nmis-bench-count", "local[1]", 2, Map.of()));
    SyntheticRegistrations.Counts counts;
    boolean ok;
    try {
      SyntheticRegistrations.Run messages =
          new SyntheticRegistrations(SyntheticSettings.withSeed(11)).stream(n);
      long t0 = System.nanoTime();
      try (RegistrationPublisher publisher =
          new RegistrationPublisher(LocalCluster.KAFKA, run.topic())) {
        LocalCluster.publish(publisher, messages, n);
      }
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      counts = messages.counts();
      long persons = counts.newValid();
      LocalCluster.await(
          "ingestion of " + n,
          Duration.ofHours(3),
          Duration.ofSeconds(30),
          () -> {
            long now = LocalCluster.persons(counting, warehouse);
            log(String.format(Locale.ROOT, "%,d of %,d persons in registrations", now, persons));
            return now >= persons;
          },
          job);
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      report.add(row("registrations published", counts.describe()));
      report.add(row("publish to Kafka (3 brokers, RF 3, acks=all)", rate(n, publishSeconds)));
      report.add(
          row(
              "end-to-end into `registrations` on HDFS (job via spark-submit, 2 executors of 1"
                  + " core)",
              rate(n, ingestSeconds)));
      print(report);
      ok = LocalCluster.eachOnce(counting, warehouse, counts.total(), persons);
      report.add(
          row(
              "counts at the end",
              ok
                  ? "every message once in `registrations_raw`, every new valid registration once"
                      + " in `registrations`"
                  : "MISMATCH (see the log)"));
      FileSystem fs = FileSystem.get(URI.create(LocalCluster.HDFS), new Configuration());
      for (TableDefinition t :
          List.of(
              RegistrationsTable.DEFINITION,
              RegistrationsRawTable.DEFINITION,
              RegistrationRejectsTable.DEFINITION)) {
        ContentSummary c = fs.getContentSummary(new org.apache.hadoop.fs.Path(warehouse.pathOf(t)));
        long rows = LocalCluster.read(counting, warehouse, t).count();
        report.add(
            row(
                "`" + t.name() + "` on HDFS (one replica)",
                String.format(
                    Locale.ROOT,
                    "%,d rows, %,d MB in %,d files: %,d bytes per row",
                    rows,
                    c.getLength() / 1_000_000,
                    c.getFileCount(),
                    c.getLength() / Math.max(1, rows))));
      }
    } finally {
      LocalCluster.stop(job);
      counting.stop();
    }
    report.addAll(reports(warehouse));
    print(report);
    Path out = Path.of(System.getProperty("bench.out", "target/cluster-ingest.md"));
    Files.writeString(
        out, "Run " + Instant.now() + ", N = " + n + "\n\n" + String.join("\n", report) + "\n");
    log("results written to " + out.toAbsolutePath());
    System.exit(ok ? 0 : 1);
  }

  /** The report queries that read the ingested tables, on the cluster, median of 3 after one. */
  private static List<String> reports(WarehouseLocation warehouse) {
    SparkSession spark =
        SparkSessions.getOrCreate(
            new SparkSettings(
                "nmis-bench-reports",
                LocalCluster.MASTER,
                4,
                Map.of(
                    "spark.executor.memory", "2g", "spark.jars", System.getenv("NMIS_JOB_JARS"))));
    List<String> rows = new ArrayList<>();
    try {
      for (TableDefinition t :
          List.of(RegistrationsTable.DEFINITION, RegistrationRejectsTable.DEFINITION)) {
        LocalCluster.read(spark, warehouse, t).createOrReplaceTempView(t.name());
      }
      for (ReportBenchmark.Report r : ReportBenchmark.REPORTS) {
        if (r.governed().contains("od_flows") || r.governed().contains("state_daily")) {
          continue; // the flows job's tables: not made by the ingestion job alone
        }
        long answered = spark.sql(r.governed()).collectAsList().size();
        double[] ms = new double[3];
        for (int i = 0; i < ms.length; i++) {
          long t0 = System.nanoTime();
          spark.sql(r.governed()).collectAsList();
          ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        rows.add(
            row(
                "report as Spark SQL on the cluster: " + r.name(),
                String.format(
                    Locale.ROOT,
                    "median %.0f ms, max %.0f ms of 3 (%d rows)",
                    ms[1],
                    ms[2],
                    answered)));
      }
    } finally {
      spark.stop();
    }
    return rows;
  }

  private static void print(List<String> report) {
    report.forEach(r -> System.out.println("[bench] " + r));
  }

  private static String row(String metric, String value) {
    return "| " + metric + " | " + value + " |";
  }

  private static String rate(long rows, double seconds) {
    return String.format(
        Locale.ROOT, "%,.0f rows/s (%,d rows in %.1f s)", rows / seconds, rows, seconds);
  }
}
