package org.nmis.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.ingestion.kafka.RegistrationTopic;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.registrations.RegistrationBatchWriter;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;

/**
 * The ingestion path against the machine's ceiling, measured fairly: on the same Kafka records
 * (with their headers, as the streaming source reads them), cut into the same batches, passes of
 * the pipeline's writer (Kafka to {@code registrations_raw}, {@code registration_rejects} and
 * {@code registrations}, waiting corrections merged at the end) alternate with passes of a plain
 * Spark append of the records to one Delta table. Each pass writes into a fresh warehouse. One
 * warm-up pass of each comes first and is not counted. The service's own streaming jobs are idle
 * (caught up) while this runs, so the writer has the cores to itself.
 */
final class IngestRatio {
  private IngestRatio() {}

  /** Wall and process CPU seconds of each counted pass, and the rows the topic held. */
  record Result(
      long rows,
      int batches,
      double[] writer,
      double[] writerCpu,
      double[] plain,
      double[] plainCpu) {
    /** The median over passes of plain seconds / writer seconds (1.0: as fast as the ceiling). */
    double medianRatio() {
      double[] r = new double[writer.length];
      for (int i = 0; i < r.length; i++) {
        r[i] = plain[i] / writer[i];
      }
      return median(r);
    }

    List<String> table() {
      return List.of(
          String.format(
              Locale.ROOT,
              "| pipeline writer, Kafka -> 3 tables (%,d messages in %d batches, %d passes) | median %.1f s (%,.0f rows/s), CPU %.1f s |",
              rows,
              batches,
              writer.length,
              median(writer),
              rows / median(writer),
              median(writerCpu)),
          String.format(
              Locale.ROOT,
              "| plain Spark append of the same Kafka records to Delta, alternating | median %.1f s (%,.0f rows/s), CPU %.1f s |",
              median(plain),
              rows / median(plain),
              median(plainCpu)),
          String.format(
              Locale.ROOT,
              "| end-to-end / plain append (median of the passes' ratios) | %.2f |",
              medianRatio()));
    }
  }

  static Result run(WarehousePlatform platform, Path dir, long batchSize, int passes) {
    SparkSession spark = platform.spark();
    List<String[]> batches = batches(spark, platform.bootstrapServers(), batchSize);
    long rows = 0;
    for (String[] b : batches) {
      rows += Long.parseLong(b[2]);
    }
    writerPass(platform, dir.resolve("warm-writer"), batches.subList(0, 1));
    plainPass(platform, dir.resolve("warm-plain"), batches.subList(0, 1));
    double[] writer = new double[passes];
    double[] writerCpu = new double[passes];
    double[] plain = new double[passes];
    double[] plainCpu = new double[passes];
    for (int p = 0; p < passes; p++) {
      double[] a = plainPass(platform, dir.resolve("plain-" + p), batches);
      plain[p] = a[0];
      plainCpu[p] = a[1];
      double[] w = writerPass(platform, dir.resolve("writer-" + p), batches);
      writer[p] = w[0];
      writerCpu[p] = w[1];
      System.out.printf(
          Locale.ROOT,
          "[bench] ingest pass %d: writer %.1f s, plain append %.1f s, ratio %.2f%n",
          p,
          w[0],
          a[0],
          a[0] / w[0]);
    }
    return new Result(rows, batches.size(), writer, writerCpu, plain, plainCpu);
  }

  /** {wall seconds, process CPU seconds}. */
  private static double[] writerPass(WarehousePlatform platform, Path dir, List<String[]> batches) {
    SparkSession spark = platform.spark();
    WarehouseLocation location = new WarehouseLocation(dir.toUri().toString());
    DeltaTables.ensureAll(spark, location);
    IngestSettings live = platform.ingestSettings();
    RegistrationBatchWriter writer =
        new RegistrationBatchWriter(
            spark,
            location,
            new IngestSettings(
                live.aadhaarKey(),
                live.personIdKey(),
                live.personIdEpoch(),
                "bench-" + dir.getFileName(),
                live.corrections()));
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    for (int b = 0; b < batches.size(); b++) {
      writer.write(read(spark, platform.bootstrapServers(), batches.get(b)), b);
    }
    writer.mergeCorrectionsNow();
    return new double[] {(System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9};
  }

  private static double[] plainPass(WarehousePlatform platform, Path dir, List<String[]> batches) {
    SparkSession spark = platform.spark();
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    for (String[] b : batches) {
      read(spark, platform.bootstrapServers(), b)
          .write()
          .format("delta")
          .mode("append")
          .save(dir.toUri().toString());
    }
    return new double[] {(System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9};
  }

  private static Dataset<Row> read(SparkSession spark, String servers, String[] batch) {
    return spark
        .read()
        .format("kafka")
        .option("kafka.bootstrap.servers", servers)
        .option("subscribe", RegistrationTopic.NAME)
        .option("includeHeaders", "true")
        .option("startingOffsets", batch[0])
        .option("endingOffsets", batch[1])
        .load();
  }

  /**
   * The topic cut into batches of about {@code size} messages, as the streaming source cuts it
   * (every partition advances in proportion): {startingOffsets JSON, endingOffsets JSON, count}.
   */
  private static List<String[]> batches(SparkSession spark, String servers, long size) {
    Map<Integer, Long> ends = new TreeMap<>();
    for (Row r :
        spark
            .read()
            .format("kafka")
            .option("kafka.bootstrap.servers", servers)
            .option("subscribe", RegistrationTopic.NAME)
            .load()
            .groupBy(col("partition"))
            .agg(max(col("offset")))
            .collectAsList()) {
      ends.put(r.getInt(0), r.getLong(1) + 1);
    }
    long total = ends.values().stream().mapToLong(Long::longValue).sum();
    int count = (int) Math.max(1, (total + size - 1) / size);
    List<String[]> out = new ArrayList<>();
    Map<Integer, Long> from = new TreeMap<>();
    ends.keySet().forEach(p -> from.put(p, 0L));
    for (int b = 1; b <= count; b++) {
      Map<Integer, Long> to = new TreeMap<>();
      long n = 0;
      for (Map.Entry<Integer, Long> e : ends.entrySet()) {
        long end = b == count ? e.getValue() : e.getValue() * b / count;
        to.put(e.getKey(), end);
        n += end - from.get(e.getKey());
      }
      out.add(new String[] {offsets(from), offsets(to), Long.toString(n)});
      from.putAll(to);
    }
    return out;
  }

  private static String offsets(Map<Integer, Long> byPartition) {
    StringBuilder sb = new StringBuilder("{\"" + RegistrationTopic.NAME + "\":{");
    byPartition.forEach(
        (p, o) ->
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ",")
                .append('"')
                .append(p)
                .append("\":")
                .append(o));
    return sb.append("}}").toString();
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
