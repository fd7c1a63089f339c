package org.nmis.ingestion.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.nmis.ingestion.synthetic.SyntheticMessage;
import org.nmis.ingestion.synthetic.SyntheticRegistrations;
import org.nmis.ingestion.synthetic.SyntheticSettings;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.registrations.ParsedMessages;
import org.nmis.warehouse.registrations.RegistrationBatchWriter;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.nmis.warehouse.testing.KafkaRecords;

/**
 * The registration writer alone, without the broker and the service's other jobs: N synthetic
 * messages (3% invalid, 1% re-sent, 0.5% corrections) are first laid down as Parquet shaped like
 * Kafka source rows, then written batch by batch through {@link RegistrationBatchWriter} exactly as
 * the streaming job calls it, and finally appended plainly to a Delta table from the same rows (the
 * ceiling). Shows where a batch's time goes when the end-to-end benchmark is too noisy to tell.
 * Run:
 *
 * <pre>
 * MAVEN_OPTS="-Xmx6g $SPARK_FLAGS" ./mvnw -q -o -pl ingestion/pipeline test-compile exec:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=org.nmis.ingestion.bench.IngestWriterBenchmark \
 *     -Dexec.args="1000000 250000"</pre>
 */
public final class IngestWriterBenchmark {
  private static final int PARTITIONS = 8;

  private IngestWriterBenchmark() {}

  /**
   * With -Dbench.jobs=true: every Spark job's duration and call site, to see which step of a batch
   * costs.
   */
  private static final class JobTimes extends org.apache.spark.scheduler.SparkListener {
    private final java.util.Map<Integer, Long> started =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<Integer, String> sites =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart job) {
      started.put(job.jobId(), job.time());
      sites.put(job.jobId(), String.valueOf(job.properties().getProperty("spark.job.description")));
    }

    @Override
    public void onJobEnd(org.apache.spark.scheduler.SparkListenerJobEnd job) {
      System.out.printf(
          Locale.ROOT,
          "  job %d %.2f s %s%n",
          job.jobId(),
          (job.time() - started.getOrDefault(job.jobId(), job.time())) / 1e3,
          sites.get(job.jobId()));
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 250_000;
    // -Dbench.cores=1 against the default 2 shows how the writer scales with cores.
    int cores = Integer.getInteger("bench.cores", 2);
    SparkSession spark =
        SparkSessions.getOrCreate(
            new SparkSettings("nmis-ingest-bench", "local[" + cores + "]", 2 * cores, Map.of()));
    spark.sparkContext().setLogLevel("WARN");
    if (Boolean.getBoolean("bench.jobs")) {
      spark.sparkContext().addSparkListener(new JobTimes());
    }
    Path dir = Files.createTempDirectory("nmis-ingest-bench");
    WarehouseLocation location = new WarehouseLocation(dir.resolve("warehouse").toUri().toString());
    DeltaTables.ensureAll(spark, location);

    String source = dir.resolve("source").toUri().toString();
    long[] offsets = new long[PARTITIONS];
    List<Row> rows = new ArrayList<>(batch);
    SyntheticRegistrations.Run run =
        new SyntheticRegistrations(SyntheticSettings.withSeed(7)).stream(n);
    int written = 0;
    while (run.hasNext()) {
      SyntheticMessage m = run.next();
      int p = Math.floorMod(m.key().hashCode(), PARTITIONS);
      rows.add(
          RowFactory.create(
              m.key().getBytes(StandardCharsets.UTF_8),
              m.value(),
              KafkaRecords.TOPIC,
              p,
              offsets[p]++,
              Instant.now(),
              0,
              null));
      if (rows.size() == batch || !run.hasNext()) {
        spark
            .createDataFrame(rows, KafkaRecords.SCHEMA)
            .repartition(PARTITIONS, org.apache.spark.sql.functions.col("partition"))
            .write()
            .mode("append")
            .parquet(source + "/batch=" + written++);
        rows.clear();
      }
    }
    System.out.println(run.counts());

    IngestSettings settings =
        new IngestSettings(
            "bench-aadhaar-key-0123456789", "bench-person-id-key-0123456789", 0, "bench-writer");
    // Parsing alone (read, parse, validate, tokenise, hash; nothing written), twice: the first run
    // warms the JIT.
    for (int i = 0; i < 2; i++) {
      long p0 = System.nanoTime();
      ParsedMessages.parse(
              spark.read().parquet(source + "/batch=0"),
              settings,
              Instant.now(),
              ParsedMessages.Counts.register(spark))
          .write()
          .format("noop")
          .mode("overwrite")
          .save();
      System.out.printf(
          Locale.ROOT, "parse only, batch 0: %.1f s%n", (System.nanoTime() - p0) / 1e9);
    }
    RegistrationBatchWriter writer = new RegistrationBatchWriter(spark, location, settings);
    long t0 = System.nanoTime();
    for (int b = 0; b < written; b++) {
      long b0 = System.nanoTime();
      Dataset<Row> records = spark.read().parquet(source + "/batch=" + b);
      RegistrationBatchWriter.BatchResult r = writer.write(records, b);
      System.out.printf(
          Locale.ROOT,
          "batch %d: %d messages (%d new, %d re-sent, %d corrected, %d rejected) in %.1f s: %s%n",
          b,
          r.messages(),
          r.fresh(),
          r.resent(),
          r.corrected(),
          r.rejected(),
          (System.nanoTime() - b0) / 1e9,
          r.steps());
    }
    long m0 = System.nanoTime();
    writer.mergeCorrectionsNow();
    System.out.printf(
        Locale.ROOT, "corrections left waiting, merged: %.1f s%n", (System.nanoTime() - m0) / 1e9);
    double ingest = (System.nanoTime() - t0) / 1e9;

    long a0 = System.nanoTime();
    for (int b = 0; b < written; b++) {
      spark
          .read()
          .parquet(source + "/batch=" + b)
          .write()
          .format("delta")
          .mode("append")
          .save(dir.resolve("plain").toUri().toString());
    }
    double plain = (System.nanoTime() - a0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "writer: %,.0f rows/s (%.1f s); plain append: %,.0f rows/s (%.1f s); ratio %.2f%n",
        n / ingest,
        ingest,
        n / plain,
        plain,
        plain / ingest);
    spark.stop();
  }
}
