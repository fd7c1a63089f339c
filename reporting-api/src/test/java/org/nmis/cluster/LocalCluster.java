package org.nmis.cluster;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.ingestion.kafka.RegistrationPublisher;
import org.nmis.ingestion.kafka.RegistrationTopic;
import org.nmis.ingestion.kafka.Topics;
import org.nmis.ingestion.synthetic.SyntheticMessage;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.warehouse.tables.RegistrationsRawTable;
import org.nmis.warehouse.tables.RegistrationsTable;
import org.nmis.warehouse.tables.TableDefinition;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * The local cluster of {@code ./nmis cluster up} as the cluster tools use it: its addresses, the
 * registration ingestion job submitted to its master with Spark's own {@code SparkSubmit}, its
 * parts killed and started again, and the counts that say whether a run lost or doubled anything.
 * Run through {@code ./nmis cluster ...}, which sets the environment variables read here.
 */
public final class LocalCluster {
  public static final String KAFKA = "127.0.0.1:19092,127.0.0.1:29092,127.0.0.1:39092";
  public static final String MASTER = "spark://127.0.0.1:7077";
  public static final String HDFS = "hdfs://127.0.0.1:9820";

  final Path dir = Path.of(env("NMIS_CLUSTER_DIR"));

  /**
   * One run of the ingestion job on its own: a new topic and a new warehouse (their names carry the
   * time), and the job submitted to read the one into the other.
   */
  record IngestRun(String topic, WarehouseLocation warehouse, Process job) {}

  /** Starts an {@link IngestRun} under {@code hdfs://.../<kind>/<time>}. */
  IngestRun startIngestRun(String kind, long maxOffsetsPerTrigger) throws Exception {
    String run = "r" + System.currentTimeMillis();
    String topic = "nmis." + kind + "." + run + ".registrations";
    String root = HDFS + "/nmis-" + kind + "/" + run;
    WarehouseLocation warehouse = new WarehouseLocation(root + "/warehouse");
    createTopic(topic);
    Process job =
        submitIngestJob(
            topic, warehouse, root + "/checkpoints/registrations-ingest", maxOffsetsPerTrigger);
    return new IngestRun(topic, warehouse, job);
  }

  /** A new registrations topic: replication factor 3, {@code min.insync.replicas=2}. */
  private void createTopic(String topic) {
    try (Admin admin = admin()) {
      Topics.ensure(
          admin,
          KAFKA,
          3,
          2,
          List.of(
              new Topics.Spec(
                  topic,
                  RegistrationTopic.DEFAULT_PARTITIONS,
                  RegistrationTopic.config(RegistrationTopic.DEFAULT_RETENTION))));
    }
  }

  /**
   * The ingestion job ({@code RegistrationIngestJob.main}) through {@code SparkSubmit} in client
   * deploy mode, in its own JVM with its log under the cluster's logs: the NMIS model and warehouse
   * jars, Delta and the Kafka connector go with {@code --jars}, the job's jar is the primary
   * resource, and its settings are the job's environment variables (docs/ARCHITECTURE.md).
   */
  private Process submitIngestJob(
      String topic, WarehouseLocation warehouse, String checkpoint, long maxOffsetsPerTrigger)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(env("NMIS_SPARK_FLAGS").trim().split("\\s+")));
    cmd.addAll(
        List.of(
            "-Xmx1g",
            "-cp",
            dir.resolve("spark-home/jars") + File.separator + "*",
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            MASTER,
            "--deploy-mode",
            "client",
            "--conf",
            "spark.executor.memory=2g",
            "--class",
            "org.nmis.ingestion.stream.RegistrationIngestJob",
            "--jars",
            env("NMIS_JOB_JARS"),
            env("NMIS_JOB_JAR")));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment()
        .putAll(
            Map.of(
                "SPARK_HOME", dir.resolve("spark-home").toString(),
                "SPARK_LOCAL_IP", "127.0.0.1",
                "NMIS_KAFKA_BOOTSTRAP_SERVERS", KAFKA,
                "NMIS_KAFKA_TOPIC", topic,
                "NMIS_WAREHOUSE_LOCATION", warehouse.root(),
                "NMIS_WAREHOUSE_CHECKPOINT_LOCATION", checkpoint,
                "NMIS_INGESTION_MAX_OFFSETS_PER_TRIGGER", Long.toString(maxOffsetsPerTrigger),
                "NMIS_PRIVACY_AADHAAR_KEY", secret(),
                "NMIS_IDS_KEY", secret()));
    Path log = dir.resolve("logs/ingest-job-" + topic + ".log");
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    log("submitted the ingestion job to " + MASTER + " (log " + log + ")");
    return pb.start();
  }

  /** Publishes the run's next messages until it has made {@code upTo} in all. */
  static void publish(RegistrationPublisher publisher, SyntheticRegistrations.Run run, long upTo) {
    long sent = 0;
    while (run.hasNext() && run.counts().total() < upTo) {
      SyntheticMessage m = run.next();
      publisher.publish(m.key(), m.value(), "cluster:state-system");
      sent++;
    }
    publisher.flush();
    log(String.format("published %,d (%,d in all)", sent, run.counts().total()));
  }

  /** SIGKILL of a part and, with {@code children}, of the processes it started (executors). */
  void kill(String part, boolean children) throws Exception {
    long pid = Long.parseLong(Files.readString(dir.resolve("pids/" + part + ".pid")).trim());
    ProcessHandle p =
        ProcessHandle.of(pid)
            .orElseThrow(() -> new IllegalStateException(part + " is not running"));
    if (children) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
    }
    p.destroyForcibly();
    log("killed " + part + " (pid " + pid + (children ? ", with its executor" : "") + ")");
  }

  /** Asks the HDFS process to restart one of its DataNodes (from 0). */
  void restartDataNode(int i) throws Exception {
    Files.writeString(dir.resolve("hdfs/restart-datanode-" + i), "");
    log("restarting HDFS DataNode " + i);
  }

  /** {@code ./nmis cluster up}: starts what is not running. */
  static void startMissingParts() throws Exception {
    log("starting the parts that are down");
    int exit = new ProcessBuilder("./nmis", "cluster", "up").inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("./nmis cluster up ended with " + exit);
    }
  }

  /** Every message once in the raw table, every new valid registration once; logs the counts. */
  static boolean eachOnce(
      SparkSession spark, WarehouseLocation warehouse, long messages, long persons) {
    Dataset<Row> raw = read(spark, warehouse, RegistrationsRawTable.DEFINITION);
    long rawRows = raw.count();
    long rawDistinct = raw.select("kafka_partition", "kafka_offset").distinct().count();
    Dataset<Row> registrations = read(spark, warehouse, RegistrationsTable.DEFINITION);
    long rows = registrations.count();
    long distinct = registrations.select("person_id").distinct().count();
    boolean ok =
        rawRows == messages && rawDistinct == messages && rows == persons && distinct == persons;
    log(
        String.format(
            "registrations_raw: %,d rows, %,d distinct (partition, offset), %,d messages published;"
                + " registrations: %,d rows, %,d distinct persons, %,d new valid published: %s",
            rawRows,
            rawDistinct,
            messages,
            rows,
            distinct,
            persons,
            ok ? "each once" : "MISMATCH"));
    return ok;
  }

  /** Rows of {@code registrations} so far; 0 before the job has made the table. */
  static long persons(SparkSession spark, WarehouseLocation warehouse) {
    try {
      return read(spark, warehouse, RegistrationsTable.DEFINITION).count();
    } catch (Exception notYetCreated) { // AnalysisException (PATH_NOT_FOUND), checked in Java terms
      return 0;
    }
  }

  static Dataset<Row> read(SparkSession spark, WarehouseLocation warehouse, TableDefinition table) {
    return spark.read().format("delta").load(warehouse.pathOf(table));
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Polls every 5 s until the check holds; fails when the job has ended or after the limit. */
  static void await(String what, Duration limit, Check check, Process job) throws Exception {
    await(what, limit, Duration.ofSeconds(5), check, job);
  }

  static void await(String what, Duration limit, Duration every, Check check, Process job)
      throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (!check.holds()) {
      if (!job.isAlive()) {
        throw new IllegalStateException("the ingestion job ended while waiting for " + what);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(every.toMillis());
    }
    log("done: " + what);
  }

  /** Stops the job as a shell's Ctrl-C would (its shutdown hook stops the query). */
  static void stop(Process job) throws InterruptedException {
    job.destroy();
    job.waitFor();
  }

  private static Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
    return Admin.create(p);
  }

  private static String env(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException(name + " is not set: run this through ./nmis cluster");
    }
    return v;
  }

  /** A fresh key for a run (Aadhaar HMAC, person IDs): a run's data are never read with others. */
  public static String secret() {
    byte[] b = new byte[24];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static void log(String message) {
    System.out.println("[cluster " + Instant.now() + "] " + message);
  }
}
