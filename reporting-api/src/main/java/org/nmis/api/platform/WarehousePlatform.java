package org.nmis.api.platform;

import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.SparkSession;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.status.WarehouseStatus;
import org.nmis.forecast.ForecastPlan;
import org.nmis.ingestion.broker.EmbeddedKafkaBroker;
import org.nmis.ingestion.kafka.AuditTopic;
import org.nmis.ingestion.kafka.MovementTopic;
import org.nmis.ingestion.kafka.RegistrationTopic;
import org.nmis.ingestion.kafka.SmsTopic;
import org.nmis.ingestion.kafka.Topics;
import org.nmis.ingestion.stream.AuditLandingJob;
import org.nmis.ingestion.stream.FlowsJob;
import org.nmis.ingestion.stream.IngestJobSettings;
import org.nmis.ingestion.stream.LandingJob;
import org.nmis.ingestion.stream.MovementLandingJob;
import org.nmis.ingestion.stream.RegistrationIngestJob;
import org.nmis.ingestion.stream.SmsLandingJob;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.FlowIndex;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.epass.EPassKeys;
import org.nmis.warehouse.forecast.ReturnForecastJob;
import org.nmis.warehouse.reference.ReferenceTables;
import org.nmis.warehouse.registrations.IngestSettings;
import org.nmis.warehouse.serving.ChangeFeed;
import org.nmis.warehouse.serving.FlowsChangeFeed;
import org.nmis.warehouse.serving.RegistrationChangeFeed;
import org.nmis.warehouse.spark.SparkSessions;
import org.nmis.warehouse.spark.SparkSettings;
import org.nmis.warehouse.spark.SupervisedQuery;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.tables.WarehouseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The only place where the web service meets Spark, Delta and the broker. It starts, in order: the
 * embedded broker (unless a cluster is configured), the SparkSession, the tables, the streaming
 * ingestion job (when enabled) and the change feed that keeps the serving index fresh; it stops
 * them in reverse order. The web layer sees only the pure {@link RegistrationIndex}, the Kafka
 * connection details and {@link WarehouseStatus}.
 */
@Component
public class WarehousePlatform implements WarehouseStatus {
  private static final Logger LOG = LoggerFactory.getLogger(WarehousePlatform.class);

  private final EmbeddedKafkaBroker broker;
  private final String bootstrapServers;
  private final SparkSession spark;
  private final RegistrationIngestJob ingestJob;
  private final ChangeFeed indexFeed;
  private final LandingJob movementLanding;
  private final FlowsJob flowsJob;
  private final LandingJob auditLanding;
  private final LandingJob smsLanding;
  private final ChangeFeed flowsFeed;
  private final FlowIndex flows = new FlowIndex();
  private final RegistrationIndex index = new RegistrationIndex();
  private final IngestSettings ingestSettings;
  private final WarehouseLocation warehouse;
  private final String epassPrivateKey;
  private boolean stopped;
  private volatile RetentionJob retention;

  public WarehousePlatform(NmisProperties p) {
    Path dataDir = p.dataDir().toAbsolutePath();
    boolean embedded = p.kafka().embedded();
    this.ingestSettings =
        new IngestSettings(
            Secrets.resolve(
                p.privacy().aadhaarKey(), dataDir, "aadhaar", embedded, "nmis.privacy.aadhaar-key"),
            Secrets.resolve(p.ids().key(), dataDir, "person-ids", embedded, "nmis.ids.key"),
            p.ids().epoch(),
            p.ingestion().writerId(),
            new IngestSettings.Corrections(
                p.ingestion().correctionsDeferAbove(),
                p.ingestion().correctionsEvery(),
                p.ingestion().correctionsMaxDelay().toMillis()));
    this.epassPrivateKey =
        Secrets.resolve(
            p.movement().epassPrivateKey(),
            dataDir,
            "epass-ed25519",
            embedded,
            "nmis.movement.epass-private-key",
            () -> EPassKeys.encode(EPassKeys.generate().getPrivate()));

    long t0 = System.nanoTime();
    List<Topics.Spec> topics =
        List.of(
            new Topics.Spec(
                p.kafka().topic(),
                p.kafka().partitions(),
                RegistrationTopic.config(p.kafka().retention())),
            new Topics.Spec(p.movement().topic(), MovementTopic.PARTITIONS, MovementTopic.config()),
            new Topics.Spec(p.audit().topic(), AuditTopic.PARTITIONS, AuditTopic.config()),
            new Topics.Spec(p.sms().topic(), SmsTopic.PARTITIONS, SmsTopic.config()));
    if (embedded) {
      broker = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), p.kafka().embeddedPort());
      bootstrapServers = broker.bootstrapServers();
      broker.createTopics(topics);
      LOG.info(
          "embedded Kafka broker at {} ({} ms)",
          bootstrapServers,
          (System.nanoTime() - t0) / 1_000_000);
    } else {
      broker = null;
      bootstrapServers = p.kafka().bootstrapServers();
      if (p.kafka().createTopics()) {
        try (Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
          Topics.ensure(
              admin,
              bootstrapServers,
              p.kafka().replicationFactor(),
              p.kafka().minInsyncReplicas(),
              topics);
        }
        LOG.info(
            "Kafka cluster at {}: topics there ({} replicas, {} in sync to write)",
            bootstrapServers,
            p.kafka().replicationFactor(),
            p.kafka().minInsyncReplicas());
      }
    }

    warehouse =
        new WarehouseLocation(
            p.warehouse().location().isBlank()
                ? dataDir.resolve("warehouse").toUri().toString()
                : p.warehouse().location());
    String checkpoints =
        p.warehouse().checkpointLocation().isBlank()
            ? dataDir.resolve("checkpoints").toUri().toString()
            : p.warehouse().checkpointLocation();
    spark =
        SparkSessions.getOrCreate(
            new SparkSettings(
                "nmis-warehouse", p.spark().master(), p.spark().shufflePartitions(), Map.of()));
    DeltaTables.ensureAll(spark, warehouse);
    ReferenceTables.write(spark, warehouse, ReferenceData.get());
    DeltaTables.registerNames(spark, warehouse);

    ingestJob =
        p.ingestion().enabled()
            ? RegistrationIngestJob.start(
                spark,
                new IngestJobSettings(
                    bootstrapServers,
                    p.kafka().topic(),
                    warehouse,
                    checkpoints + "/registrations-ingest",
                    p.ingestion().maxOffsetsPerTrigger(),
                    p.ingestion().trigger().toMillis(),
                    ingestSettings))
            : null;
    movementLanding =
        MovementLandingJob.start(
            spark,
            warehouse,
            bootstrapServers,
            p.movement().topic(),
            checkpoints + "/movement-landing",
            p.movement().landingTrigger().toMillis());
    auditLanding =
        AuditLandingJob.start(
            spark,
            warehouse,
            bootstrapServers,
            p.audit().topic(),
            checkpoints + "/audit-landing",
            p.audit().landingTrigger().toMillis(),
            p.ingestion().writerId() + "-audit");
    smsLanding =
        SmsLandingJob.start(
            spark,
            warehouse,
            bootstrapServers,
            p.sms().topic(),
            checkpoints + "/sms-landing",
            p.sms().landingTrigger().toMillis());
    flowsJob =
        FlowsJob.start(
            spark,
            warehouse,
            checkpoints + "/flows",
            p.ingestion().trigger().toMillis(),
            p.ingestion().writerId() + "-flows");
    flowsFeed =
        FlowsChangeFeed.start(spark, warehouse, flows, p.ingestion().indexTrigger().toMillis());
    indexFeed =
        RegistrationChangeFeed.start(
            spark, warehouse, index, p.ingestion().indexTrigger().toMillis());
    // Above Spark's own hook (FileSystem.SHUTDOWN_HOOK_PRIORITY + 30), which stops the
    // SparkContext: on SIGTERM
    // the queries stop first, so none fails against a stopped context.
    ShutdownHookManager.get().addShutdownHook(this::stop, FileSystem.SHUTDOWN_HOOK_PRIORITY + 40);
    if (broker != null) {
      broker.stopWithOwner(); // last, by stop() below, not in parallel with the queries that read
      // from it
    }
    LOG.info(
        "warehouse at {} ready ({} ms)", warehouse.root(), (System.nanoTime() - t0) / 1_000_000);
  }

  /**
   * An erased record: the ingestion job (when it runs here) stops taking a message for it as a
   * re-send. A job run elsewhere learns it at its next start.
   */
  void forgetRecord(StoredRegistration person) {
    if (ingestJob != null) {
      ingestJob.forgetRecord(
          person.registration().sourceStateCode(), person.registration().sourceRecordId());
    }
  }

  /** The retention job whose last run the status shows. */
  void reportRetention(RetentionJob job) {
    this.retention = job;
  }

  /** The serving copy of od_flows. */
  public FlowIndex flows() {
    return flows;
  }

  /**
   * Blocks until every registration so far is counted in the flows and their serving copy (tests).
   */
  public void awaitFlowsCaughtUp() {
    awaitCaughtUp();
    flowsJob.awaitCaughtUp();
    flowsFeed.awaitCaughtUp();
  }

  public RegistrationIndex index() {
    return index;
  }

  /** The scheme of movement request IDs, keyed apart from person IDs. */
  public PersonIdScheme requestIdScheme() {
    return RequestId.scheme(ingestSettings.personIdKey(), ingestSettings.personIdEpoch());
  }

  /**
   * The e-pass signing key (PKCS#8, base64), from configuration or generated once when embedded.
   */
  public String epassPrivateKey() {
    return epassPrivateKey;
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public IngestSettings ingestSettings() {
    return ingestSettings;
  }

  /** Blocks until everything published so far is ingested and indexed (tests and benchmarks). */
  public void awaitCaughtUp() {
    awaitIngested();
    indexFeed.awaitCaughtUp();
  }

  /** Blocks until every audit event published so far is in audit_log (tests). */
  public void awaitAuditLanded() {
    auditLanding.awaitCaughtUp();
  }

  /**
   * Runs the return forecast as of {@code asOf} on Spark and writes it to return_forecast and
   * forecast_backtest; the run as the service serves it.
   */
  public ForecastPlan.Result forecast(LocalDate asOf, ForecastPlan.Settings settings) {
    return new ReturnForecastJob(spark, warehouse).run(asOf, settings, java.time.Instant.now());
  }

  /** Blocks until every SMS outbox event logged so far is in sms_outbox and sms_events (tests). */
  public void awaitSmsLanded() {
    smsLanding.awaitCaughtUp();
  }

  /** Blocks until every movement transition logged so far is in the movement tables (tests). */
  public void awaitMovementLanded() {
    movementLanding.awaitCaughtUp();
  }

  /** Blocks until everything published so far is in the Delta tables (benchmarks). */
  public void awaitIngested() {
    if (ingestJob != null) {
      ingestJob.awaitCaughtUp();
    }
  }

  /** For the benchmark's plain-append baseline only; the web layer never sees Spark. */
  public SparkSession spark() {
    return spark;
  }

  public WarehouseLocation warehouse() {
    return warehouse;
  }

  @Override
  public boolean servingReady() {
    return indexFeed.warmedUp() && flowsFeed.warmedUp();
  }

  /** Every streaming query by name, for the health checks ({@link PlatformHealth}). */
  Map<String, SupervisedQuery> streamingQueries() {
    Map<String, SupervisedQuery> q = new LinkedHashMap<>();
    if (ingestJob != null) {
      q.put("registrations-ingest", ingestJob.query());
    }
    q.put("registrations-index", indexFeed.query());
    q.put("flows", flowsJob.query());
    q.put("flows-index", flowsFeed.query());
    q.put("movement-landing", movementLanding.query());
    q.put("audit-landing", auditLanding.query());
    q.put("sms-landing", smsLanding.query());
    return q;
  }

  /** The ingestion job's running totals, when this service ingests. */
  java.util.Optional<RegistrationIngestJob.Totals> ingestTotals() {
    return java.util.Optional.ofNullable(ingestJob).map(RegistrationIngestJob::totals);
  }

  boolean sparkRunning() {
    return !spark.sparkContext().isStopped();
  }

  @Override
  public Map<String, Object> snapshot() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("kafka", bootstrapServers);
    s.put("serving_ready", servingReady());
    s.put("indexed_persons", index.size());
    s.put("flow_keys", flows.size());
    s.put("registrations_table_version", index.appliedTableVersion());
    RetentionJob.LastRun retained = retention == null ? null : retention.last();
    if (retained != null) {
      s.put("retention_last_run", retained.at().toString());
      s.put("retention_rows_deleted", retained.rowsDeleted());
      if (retained.error() != null) {
        s.put("retention_error", retained.error());
      }
    }
    if (ingestJob != null) {
      RegistrationIngestJob.Totals t = ingestJob.totals();
      s.put("ingested_messages", t.messages.get());
      s.put("ingested_valid", t.valid.get());
      s.put("ingested_rejected", t.rejected.get());
      s.put("ingest_batches", t.batches.get());
      s.put("ingest_active", ingestJob.query().isActive());
    }
    // A query that failed is started again by its supervisor; people see what stopped it.
    for (Map.Entry<String, SupervisedQuery> e : streamingQueries().entrySet()) {
      SupervisedQuery q = e.getValue();
      if (q.restarts() > 0 || q.lastFailure().isPresent()) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("active", q.isActive());
        f.put("restarts", q.restarts());
        q.lastFailure()
            .ifPresent(
                last -> {
                  f.put("last_failure_at", last.at().toString());
                  f.put("last_failure", last.message());
                });
        s.put("streaming_failures_" + e.getKey(), f);
      }
    }
    return s;
  }

  /**
   * Stops everything in order: the streaming queries, then Spark, then the broker. Called by Spring
   * when the context closes, and by a shutdown hook that runs before Spark's own (which would
   * otherwise stop the SparkContext under running queries on SIGTERM); whichever comes first does
   * the work.
   */
  @PreDestroy
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    long t0 = System.nanoTime();
    closeQuietly(indexFeed);
    closeQuietly(flowsFeed);
    closeQuietly(flowsJob);
    closeQuietly(movementLanding);
    closeQuietly(auditLanding);
    closeQuietly(smsLanding);
    closeQuietly(ingestJob);
    closeQuietly(spark::stop);
    closeQuietly(broker);
    LOG.info(
        "stopped cleanly: streaming queries, Spark{} ({} ms)",
        broker == null ? "" : " and the Kafka broker",
        (System.nanoTime() - t0) / 1_000_000);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("while stopping {}: {}", c.getClass().getSimpleName(), e.toString());
    }
  }
}
