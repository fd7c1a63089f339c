package org.nmis.cluster;

import static org.nmis.cluster.LocalCluster.log;

import java.time.Duration;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * {@code ./nmis cluster fault [N]}: the fault test of the local cluster, exiting 1 when a count is
 * off. The registration ingestion job is submitted to the standalone master with Spark's own {@code
 * SparkSubmit} ({@link LocalCluster#submitIngestJob}), reading a new topic of replication factor 3
 * and writing Delta on HDFS, while N synthetic registrations (default 300,000) are published in
 * three parts:
 *
 * <ol>
 *   <li>once the first part is being ingested, one broker ({@code kafka-2}) and one Spark worker
 *       ({@code spark-worker-1}, with its executor: the machine is gone) are killed with SIGKILL;
 *   <li>the second part is published with them down, then HDFS DataNode 0 is restarted;
 *   <li>the third part is published, and ingestion must finish with the parts left (one worker, two
 *       brokers), within 15 minutes.
 * </ol>
 *
 * Then the tables are counted (every message once in {@code registrations_raw}, every new valid
 * registration once in {@code registrations}) and the killed parts started again.
 */
public final class ClusterFaultTest {
  private static final Duration LIMIT = Duration.ofMinutes(15);

  private ClusterFaultTest() {}

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 300_000L;
    LocalCluster cluster = new LocalCluster();
    LocalCluster.IngestRun run = cluster.startIngestRun("fault", 50_000);
    WarehouseLocation warehouse = run.warehouse();
    Process job = run.job();
    // The counting session is local: the job holds every core of the cluster.
    SparkSession spark =
        SparkSessions.getOrCreate(new SparkSettings("nmis-fault-count", "local[1]", 2, Map.of()));
    boolean ok = false;
    try {
      SyntheticRegistrations.Run messages =
          new SyntheticRegistrations(SyntheticSettings.withSeed(7)).stream(n);
      try (RegistrationPublisher publisher =
          new RegistrationPublisher(LocalCluster.KAFKA, run.topic())) {
        LocalCluster.publish(publisher, messages, n / 3);
        LocalCluster.await(
            "the job ingests the first part",
            LIMIT,
            () -> LocalCluster.persons(spark, warehouse) > 0,
            job);
        cluster.kill("kafka-2", false);
        cluster.kill("spark-worker-1", true);
        LocalCluster.publish(publisher, messages, 2 * n / 3);
        cluster.restartDataNode(0);
        LocalCluster.publish(publisher, messages, n);
      }
      long persons = messages.counts().newValid();
      long t0 = System.nanoTime();
      LocalCluster.await(
          "ingestion to finish with one worker and two brokers",
          LIMIT,
          () -> LocalCluster.persons(spark, warehouse) >= persons,
          job);
      log(String.format("caught up %.0f s after the last message", (System.nanoTime() - t0) / 1e9));
      ok = LocalCluster.eachOnce(spark, warehouse, messages.counts().total(), persons);
    } finally {
      LocalCluster.stop(job);
      spark.stop();
      LocalCluster.startMissingParts();
    }
    System.out.println(ok ? "cluster fault test: OK" : "cluster fault test: FAILED");
    System.exit(ok ? 0 : 1);
  }
}
