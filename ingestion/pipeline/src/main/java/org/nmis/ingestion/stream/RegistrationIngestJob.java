package org.nmis.ingestion.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.nmis.ingestion.kafka.RegistrationTopic;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.registrations.RegistrationBatchWriter;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.spark.SupervisedQuery;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The streaming job Kafka -> Delta: reads the registrations topic and hands each micro-batch to the
 * {@link RegistrationBatchWriter}. Kafka offsets are checkpointed before a batch runs and Delta
 * commits are idempotent per batch, so a crash at any point (kill -9 included) followed by a
 * restart loses nothing and writes nothing twice.
 */
public final class RegistrationIngestJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationIngestJob.class);

  private static final String NAME = "registrations-ingest";

  private final SupervisedQuery query;
  private final Totals totals;
  private final ProgressLog progress;
  private final RegistrationBatchWriter writer;

  /**
   * Puts in corrections a burst left waiting once the job has gone quiet: no batch comes then to do
   * it.
   */
  private final ScheduledExecutorService corrections =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "nmis-ingest-corrections");
            t.setDaemon(true);
            return t;
          });

  private RegistrationIngestJob(
      SupervisedQuery query, Totals totals, ProgressLog progress, RegistrationBatchWriter writer) {
    this.query = query;
    this.totals = totals;
    this.progress = progress;
    this.writer = writer;
    corrections.scheduleWithFixedDelay(this::mergeCorrectionsIfDue, 5, 5, TimeUnit.SECONDS);
  }

  private void mergeCorrectionsIfDue() {
    try {
      if (query.isActive()) {
        writer.mergeCorrectionsIfDue();
      }
    } catch (RuntimeException e) {
      // The next batch, or the next start, puts them in: they are safe in their table.
      LOG.warn("NMIS-ING-012: waiting corrections could not be merged yet: {}", e.toString());
    }
  }

  /** Running totals since this job started (for status pages and benchmarks). */
  public static final class Totals {
    public final AtomicLong batches = new AtomicLong();
    public final AtomicLong messages = new AtomicLong();
    public final AtomicLong valid = new AtomicLong();
    public final AtomicLong rejected = new AtomicLong();

    /** Rejected messages per rule code, since the start. */
    public final java.util.concurrent.ConcurrentHashMap<String, AtomicLong> rejectedByCode =
        new java.util.concurrent.ConcurrentHashMap<>();
  }

  public static RegistrationIngestJob start(SparkSession spark, IngestJobSettings settings) {
    DeltaTables.ensure(spark, settings.warehouse(), RegistrationBatchWriter.TABLES);
    RegistrationBatchWriter writer =
        new RegistrationBatchWriter(spark, settings.warehouse(), settings.ingest());
    Totals totals = new Totals();
    ProgressLog progress = new ProgressLog(spark);
    SupervisedQuery query =
        KafkaToDelta.start(
            spark,
            NAME,
            new KafkaToDelta.Source(
                settings.bootstrapServers(),
                settings.topic(),
                settings.checkpointLocation(),
                settings.maxOffsetsPerTrigger(),
                settings.triggerMillis()),
            (batch, batchId) -> {
              RegistrationBatchWriter.BatchResult r = writer.write(batch, batchId);
              totals.batches.incrementAndGet();
              totals.messages.addAndGet(r.messages());
              totals.valid.addAndGet(r.valid());
              totals.rejected.addAndGet(r.rejected());
              r.rejectsByCode()
                  .forEach(
                      (code, n) ->
                          totals
                              .rejectedByCode
                              .computeIfAbsent(code, k -> new AtomicLong())
                              .addAndGet(n));
              progress.written(batchId, r);
            },
            "NMIS-ING-001");
    return new RegistrationIngestJob(query, totals, progress, writer);
  }

  /** See {@link RegistrationBatchWriter#forgetRecord}: after an erasure. */
  public void forgetRecord(int sourceStateCode, String sourceRecordId) {
    writer.forgetRecord(sourceStateCode, sourceRecordId);
  }

  /** The streaming query, for health checks (active, progress, lag, failures). */
  public SupervisedQuery query() {
    return query;
  }

  public Totals totals() {
    return totals;
  }

  /** Blocks until every message published so far is in the tables (tests, demo, benchmarks). */
  public void awaitCaughtUp() {
    query.processAllAvailable();
    writer.mergeCorrectionsNow();
  }

  @Override
  public void close() {
    corrections.shutdownNow();
    query.close();
    progress.remove();
  }

  /**
   * One line per batch that carried messages, once Spark has its progress: the counts, the rate,
   * and how far the topic is ahead of the job (the Kafka source's most offsets behind the latest,
   * over its partitions).
   */
  private static final class ProgressLog extends StreamingQueryListener {
    private final SparkSession spark;
    private final Map<Long, RegistrationBatchWriter.BatchResult> written =
        new ConcurrentHashMap<>();

    ProgressLog(SparkSession spark) {
      this.spark = spark;
      spark.streams().addListener(this);
    }

    void written(long batchId, RegistrationBatchWriter.BatchResult r) {
      if (r.messages() > 0) {
        written.put(batchId, r);
      }
    }

    void remove() {
      spark.streams().removeListener(this);
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
      StreamingQueryProgress p = event.progress();
      RegistrationBatchWriter.BatchResult r =
          NAME.equals(p.name()) ? written.remove(p.batchId()) : null;
      if (r == null) {
        return;
      }
      String behind =
          p.sources().length == 0
              ? "?"
              : p.sources()[0].metrics().getOrDefault("maxOffsetsBehindLatest", "?");
      LOG.info(
          "ingest batch {}: {} messages, {} valid ({} new, {} re-sent, {} corrected), {} rejected"
              + " in {} ms ({} messages/s; {}); the topic is {} messages ahead (most of any"
              + " partition)",
          p.batchId(),
          r.messages(),
          r.valid(),
          r.fresh(),
          r.resent(),
          r.corrected(),
          r.rejected(),
          p.batchDuration(),
          Math.round(p.processedRowsPerSecond()),
          r.steps(),
          behind);
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryIdle(QueryIdleEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
  }

  /**
   * Runs the job on its own, for spark-submit on a cluster or as a separate process. Settings come
   * from environment variables (see docs/ARCHITECTURE.md): NMIS_KAFKA_BOOTSTRAP_SERVERS,
   * NMIS_WAREHOUSE_LOCATION, NMIS_WAREHOUSE_CHECKPOINT_LOCATION, NMIS_PRIVACY_AADHAAR_KEY,
   * NMIS_IDS_KEY, NMIS_IDS_EPOCH, NMIS_INGESTION_MAX_OFFSETS_PER_TRIGGER.
   */
  public static void main(String[] args) throws Exception {
    IngestJobSettings settings =
        new IngestJobSettings(
            env("NMIS_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
            env("NMIS_KAFKA_TOPIC", RegistrationTopic.NAME),
            new WarehouseLocation(env("NMIS_WAREHOUSE_LOCATION", null)),
            env("NMIS_WAREHOUSE_CHECKPOINT_LOCATION", null),
            Long.parseLong(env("NMIS_INGESTION_MAX_OFFSETS_PER_TRIGGER", "200000")),
            Long.parseLong(env("NMIS_INGESTION_TRIGGER_MILLIS", "500")),
            new IngestSettings(
                env("NMIS_PRIVACY_AADHAAR_KEY", null),
                env("NMIS_IDS_KEY", null),
                Integer.parseInt(env("NMIS_IDS_EPOCH", "0")),
                env("NMIS_INGESTION_WRITER_ID", "nmis-registrations-ingest")));
    SparkSession spark =
        SparkSessions.getOrCreate(
            new SparkSettings(
                "nmis-ingest",
                System.getProperty("spark.master", "local[2]"),
                4,
                java.util.Map.of()));
    try (RegistrationIngestJob job = start(spark, settings)) {
      job.query().awaitStop();
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      if (fallback == null) {
        throw new IllegalArgumentException(
            "NMIS-ING-003: environment variable " + name + " is required");
      }
      return fallback;
    }
    return v;
  }
}
