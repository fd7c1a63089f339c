package org.nmis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.cluster.LocalCluster;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.model.serving.RegistrationIndex;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The scale run of issue 18 ({@code ./nmis cluster bench [N] [LOOKUPS]}): the whole service on the
 * local cluster ({@code ./nmis cluster up}: three brokers, Spark standalone, Delta and checkpoints
 * on HDFS), N synthetic registrations (default 10,000,000) published while it ingests them, then at
 * that size: the ingestion rate, the serving indexes' live heap per person, lookups by mobile and
 * by person ID (p50/p99 over HTTP, 4 clients), the flows endpoint and the five governed SQL
 * reports. Ends with the table's own counts: every valid registration once.
 *
 * <p>Each run writes a new warehouse under {@code hdfs://127.0.0.1:9820/nmis-scale/<time>} and a
 * new registrations topic (its name carries the same time), so runs do not meet. Figures go to
 * {@code bench.out}.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    long lookups = args.length > 1 ? Long.parseLong(args[1]) : 40_000L;
    String kafka = LocalCluster.KAFKA;
    String master = LocalCluster.MASTER;
    String run = "r" + System.currentTimeMillis();
    String hdfs = LocalCluster.HDFS + "/nmis-scale/" + run;
    Path dataDir = Files.createTempDirectory("nmis-scale");
    ConfigurableApplicationContext ctx =
        WarehouseBenchmark.start(
            dataDir,
            "--nmis.kafka.bootstrap-servers=" + kafka,
            "--nmis.kafka.topic=nmis.scale." + run + ".registrations",
            "--nmis.spark.master=" + master,
            "--nmis.warehouse.location=" + hdfs + "/warehouse",
            "--nmis.warehouse.checkpoint-location=" + hdfs + "/checkpoints",
            "--nmis.privacy.aadhaar-key=" + LocalCluster.secret(),
            "--nmis.ids.key=" + LocalCluster.secret(),
            "--nmis.movement.epass-private-key=" + ed25519());
    List<String> report = new ArrayList<>();
    report.add("| metric | value |");
    report.add("|---|---|");
    try {
      WarehousePlatform platform = ctx.getBean(WarehousePlatform.class);
      RegistrationPublisher publisher = ctx.getBean(RegistrationPublisher.class);
      RegistrationIndex index = ctx.getBean(RegistrationIndex.class);
      int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
      int executors = platform.spark().sparkContext().getExecutorMemoryStatus().size() - 1;
      report.add(
          WarehouseBenchmark.row(
              "where",
              "Kafka "
                  + kafka
                  + " (3 brokers); Spark "
                  + master
                  + " ("
                  + executors
                  + " executors); Delta and checkpoints on "
                  + hdfs));

      // No warm-up: its registrations would share source keys with the measured ones, and the
      // count at the end must be exact. At millions of rows the cold start is a small part.
      platform.awaitCaughtUp();
      long persons0 = index.size();
      long heap0 = WarehouseBenchmark.liveHeap();

      long t0 = System.nanoTime();
      SyntheticRegistrations.Counts counts = WarehouseBenchmark.publish(publisher, 2, n);
      double publishSeconds = (System.nanoTime() - t0) / 1e9;
      WarehouseBenchmark.progress(
          "publish", List.of(WarehouseBenchmark.rate(counts.total(), publishSeconds)));
      platform.awaitIngested();
      double ingestSeconds = (System.nanoTime() - t0) / 1e9;
      WarehouseBenchmark.progress(
          "ingestion", List.of(WarehouseBenchmark.rate(counts.total(), ingestSeconds)));
      platform.awaitCaughtUp();
      double indexedSeconds = (System.nanoTime() - t0) / 1e9;
      long persons = index.size();
      long heap = WarehouseBenchmark.liveHeap();
      report.add(WarehouseBenchmark.row("registrations published", counts.describe()));
      report.add(
          WarehouseBenchmark.row(
              "publish to Kafka (acks=all, RF 3)",
              WarehouseBenchmark.rate(counts.total(), publishSeconds)));
      report.add(
          WarehouseBenchmark.row(
              "end-to-end into `registrations` on HDFS (first publish -> last MERGE)",
              WarehouseBenchmark.rate(counts.total(), ingestSeconds)));
      report.add(
          WarehouseBenchmark.row(
              "... and into the serving indexes",
              WarehouseBenchmark.rate(counts.total(), indexedSeconds)));
      report.add(
          WarehouseBenchmark.row(
              "serving indexes' live heap (after a full GC) per person",
              String.format(
                  Locale.ROOT,
                  "%,d bytes (%,d MB for %,d persons more; %,d persons indexed)",
                  (heap - heap0) / Math.max(1, persons - persons0),
                  (heap - heap0) / 1_000_000,
                  persons - persons0,
                  persons)));
      WarehouseBenchmark.progress("size", report.subList(2, report.size()));

      List<String> mobiles = new ArrayList<>();
      List<String> ids = new ArrayList<>();
      WarehouseBenchmark.sample(index, mobiles, ids, 20_000);
      double[] byMobile =
          WarehouseBenchmark.lookups(
              port, lookups / 2, i -> "/api/v1/persons?mobile=" + mobiles.get(i % mobiles.size()));
      double[] byId =
          WarehouseBenchmark.lookups(
              port, lookups / 2, i -> "/api/v1/persons/" + ids.get(i % ids.size()));
      report.add(
          WarehouseBenchmark.row(
              "lookup by mobile, HTTP, " + WarehouseBenchmark.CLIENTS + " clients",
              WarehouseBenchmark.latency(byMobile)));
      report.add(
          WarehouseBenchmark.row(
              "lookup by person ID, HTTP, " + WarehouseBenchmark.CLIENTS + " clients",
              WarehouseBenchmark.latency(byId)));

      platform.awaitFlowsCaughtUp();
      double[] flows = WarehouseBenchmark.flows(port, 2_000);
      report.add(
          WarehouseBenchmark.row(
              "GET /api/v1/flows, HTTP, "
                  + WarehouseBenchmark.CLIENTS
                  + " clients, "
                  + platform.flows().size()
                  + " flow keys",
              WarehouseBenchmark.latency(flows)));
      WarehouseBenchmark.progress(
          "lookups and flows", report.subList(report.size() - 3, report.size()));
      List<String> sql = ReportBenchmark.governedOnly(port);
      report.addAll(sql);
      WarehouseBenchmark.progress("governed SQL", sql);

      Dataset<Row> registrations =
          platform.spark().read().format("delta").load(hdfs + "/warehouse/registrations");
      long rows = registrations.count();
      long distinct = registrations.select("person_id").distinct().count();
      long expected = counts.newValid();
      report.add(
          WarehouseBenchmark.row(
              "`registrations` on HDFS at the end",
              String.format(
                  Locale.ROOT,
                  "%,d rows, %,d distinct persons, %,d new valid registrations published: %s",
                  rows,
                  distinct,
                  expected,
                  rows == expected && distinct == expected ? "each once" : "MISMATCH")));
      WarehouseBenchmark.write(report, "");
      if (rows != expected || distinct != expected) {
        System.exit(1);
      }
    } finally {
      ctx.close();
    }
  }

  private static String ed25519() throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
  }
}
