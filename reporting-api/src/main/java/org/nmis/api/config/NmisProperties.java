package org.nmis.api.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.nmis.model.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Every setting of the service, prefix {@code nmis}. Defaults run the whole system embedded on one
 * machine with all state under {@code nmis.data-dir}; README.md lists how to point it at a real
 * cluster.
 */
@Validated
@ConfigurationProperties("nmis")
public record NmisProperties(
    /**
     * Root of all local state: broker logs, Delta tables, checkpoints, audit trail, generated keys.
     */
    @NotNull @DefaultValue(".nmis-data") Path dataDir,
    @Valid @NotNull @DefaultValue Kafka kafka,
    @Valid @NotNull @DefaultValue Spark spark,
    @Valid @NotNull @DefaultValue Warehouse warehouse,
    @Valid @NotNull @DefaultValue Ingestion ingestion,
    @Valid @NotNull @DefaultValue Ids ids,
    @Valid @NotNull @DefaultValue Privacy privacy,
    @Valid @NotNull @DefaultValue Api api,
    @Valid @NotNull @DefaultValue Movement movement,
    @Valid @NotNull @DefaultValue Audit audit,
    @Valid @NotNull @DefaultValue Sql sql,
    @Valid @NotNull @DefaultValue Tracing tracing,
    @Valid @NotNull @DefaultValue Reports reports,
    @Valid @NotNull @DefaultValue Sms sms,
    @Valid @NotNull @DefaultValue Forecast forecast,
    @Valid @NotNull @DefaultValue Security security,
    @Valid @NotNull @DefaultValue Retention retention) {

  /**
   * @param bootstrapServers an existing Kafka cluster; empty = start the embedded broker
   * @param embeddedPort port of the embedded broker (0 = any free port)
   * @param partitions partitions of the registrations topic when this service creates it (at most
   *     64)
   * @param retention retention of the registrations topic when this service creates it
   * @param createTopics on a cluster, create the service's topics where they are missing (existing
   *     ones are left as they are); the embedded broker always gets them
   * @param replicationFactor replicas of each topic created on a cluster
   * @param minInsyncReplicas replicas that must have a write before it counts (the producers use
   *     acks=all), for topics created on a cluster
   */
  public record Kafka(
      @DefaultValue("") String bootstrapServers,
      @DefaultValue("9092") @Min(0) int embeddedPort,
      @DefaultValue("nmis.registrations.v1") @NotBlank String topic,
      @DefaultValue("8") @Min(1) @Max(64) int partitions,
      @DefaultValue("3d") Duration retention,
      @DefaultValue("true") boolean createTopics,
      @DefaultValue("3") @Min(1) int replicationFactor,
      @DefaultValue("2") @Min(1) int minInsyncReplicas) {
    public boolean embedded() {
      return bootstrapServers.isBlank();
    }
  }

  /**
   * @param master local[2] embedded, or a cluster URL (spark://, yarn, k8s://)
   */
  public record Spark(
      @DefaultValue("local[2]") @NotBlank String master,
      @DefaultValue("4") @Min(1) int shufflePartitions) {}

  /**
   * @param location Delta tables root (file, hdfs://, s3a://); empty = {data-dir}/warehouse
   */
  public record Warehouse(
      @DefaultValue("") String location, @DefaultValue("") String checkpointLocation) {}

  /**
   * @param enabled run the streaming ingestion job inside this service (embedded default); false
   *     when the job runs on a cluster of its own (spark-submit RegistrationIngestJob)
   * @param correctionsDeferAbove a batch of at least this many messages is a burst: its corrections
   *     wait in registration_corrections and are MERGEd every corrections-every batches or after
   *     corrections-max-delay (a MERGE costs seconds whatever its size); a smaller batch MERGEs
   *     them at once
   */
  public record Ingestion(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("200000") @Min(1) long maxOffsetsPerTrigger,
      @DefaultValue("500ms") Duration trigger,
      @DefaultValue("1s") Duration indexTrigger,
      @DefaultValue("nmis-registrations-ingest") @NotBlank String writerId,
      @DefaultValue("10000") @Min(1) long correctionsDeferAbove,
      @DefaultValue("8") @Min(1) int correctionsEvery,
      @DefaultValue("60s") Duration correctionsMaxDelay) {}

  /**
   * @param key secret of the person-ID permutation; empty = generated once into {data-dir}/keys
   *     (embedded only)
   * @param epoch bump when the registrations topic is re-created (0-3)
   */
  public record Ids(@DefaultValue("") String key, @DefaultValue("0") @Min(0) @Max(3) int epoch) {}

  /**
   * @param aadhaarKey HMAC key of Aadhaar tokens; empty = generated once into {data-dir}/keys
   *     (embedded only)
   * @param erasureIndexWait how long an erasure waits for the serving index to let the person go
   *     before it answers (the receipt says whether it had)
   */
  public record Privacy(
      @DefaultValue("") String aadhaarKey,
      @DefaultValue("30s") @NotNull Duration erasureIndexWait) {}

  /**
   * How long the warehouse keeps what; the retention job enforces it (docs/SECURITY.md lists every
   * table and topic).
   *
   * @param enabled run the retention job
   * @param every how often it runs; the first run is one interval after the start
   * @param vacuumAfter history kept before VACUUM removes old file versions, erased and deleted
   *     rows with them; a streaming reader stopped for longer than this cannot resume
   * @param registrationsRaw how long raw messages are kept, by the day they were received
   * @param registrationRejects how long rejected messages are kept, by the day they were received
   */
  public record Retention(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("1d") @NotNull Duration every,
      @DefaultValue("7d") @NotNull Duration vacuumAfter,
      @DefaultValue("30d") @NotNull Duration registrationsRaw,
      @DefaultValue("90d") @NotNull Duration registrationRejects) {}

  /**
   * @param maxBatchSize most registrations one POST may carry
   * @param uploadsKeep how long a finished upload's status and error report stay (then its folder
   *     is deleted)
   */
  public record Api(
      @DefaultValue("1000") @Min(1) @Max(10000) int maxBatchSize,
      @DefaultValue("7d") @NotNull Duration uploadsKeep) {}

  /**
   * @param topic the movement log (one partition, kept forever; created by the service when
   *     embedded)
   * @param landingTrigger pause between landings of the movement log into the movement tables
   * @param escalateAfter a SUBMITTED request without a decision for longer appears on the MINISTRY
   *     escalation list
   * @param epassPrivateKey Ed25519 private key of e-passes, PKCS#8 in base64; empty = generated
   *     once into {data-dir}/keys (embedded only). The public key is published at
   *     /api/v1/epasses/public-key
   * @param epassValidityAfterTravel how long after the travel date a pass stays valid
   */
  public record Movement(
      @DefaultValue("nmis.movement.v1") @NotBlank String topic,
      @DefaultValue("2s") Duration landingTrigger,
      @DefaultValue("24h") Duration escalateAfter,
      @DefaultValue("") String epassPrivateKey,
      @DefaultValue("2d") Duration epassValidityAfterTravel) {}

  /**
   * @param topic audit events on their way into the audit_log table (created by the service when
   *     embedded)
   * @param landingTrigger pause between landings of the audit topic into audit_log
   */
  public record Audit(
      @DefaultValue("nmis.audit.v1") @NotBlank String topic,
      @DefaultValue("2s") Duration landingTrigger) {}

  /**
   * @param rowLimit most rows a JSON answer of /api/v1/sql carries; a bigger result is refused,
   *     never truncated
   * @param exportRowLimit most rows of a CSV export (XLSX stops at Excel's 1,048,575 data rows)
   * @param timeout a query running longer is cancelled (its Spark jobs too)
   * @param maxConcurrentPerUser queries one user may run at once; more answer 429
   */
  public record Sql(
      @DefaultValue("10000") @Min(1) long rowLimit,
      @DefaultValue("5000000") @Min(1) long exportRowLimit,
      @DefaultValue("120s") Duration timeout,
      @DefaultValue("2") @Min(1) int maxConcurrentPerUser) {}

  /**
   * @param lookupsPerMinute tracing lookups one user may make per minute (bursts up to the same
   *     number)
   * @param bulkJobsKeep how long a finished bulk job and its lists stay for their owner to fetch
   * @param bulkJobsMax most bulk jobs kept at once; over it, the oldest finished ones go first
   */
  public record Tracing(
      @DefaultValue("120") @Min(1) int lookupsPerMinute,
      @DefaultValue("24h") @NotNull Duration bulkJobsKeep,
      @DefaultValue("200") @Min(1) int bulkJobsMax) {}

  /**
   * @param concurrency PDF reports filled at once, off the request threads
   * @param queue reports waiting for a filler; beyond it a request answers 429 REPORTS_BUSY
   * @param timeout a report not finished by then answers 503 REPORT_TIMED_OUT
   * @param warmUp compile every template at start-up (in the background) so the first request does
   *     not wait for it
   */
  public record Reports(
      @DefaultValue("2") @Min(1) int concurrency,
      @DefaultValue("8") @Min(0) int queue,
      @DefaultValue("60s") @NotNull Duration timeout,
      @DefaultValue("true") boolean warmUp) {}

  /**
   * Return-journey forecasts (docs/FORECAST.md).
   *
   * @param days days forecast after the as-of date
   * @param asOf the forecast's origin; empty = yesterday in India (the last whole day). The demo
   *     sets a day of the 2020 season its synthetic data covers
   * @param firstRunAfter the first run after start-up (the registrations land first)
   * @param every later runs; POST /api/v1/forecasts/run runs one at once
   * @param middleBerthsEmpty seats per train with the distancing rule (middle berths left empty: 54
   *     a coach) or without it (72 a coach), on the 24-coach Shramik rake
   * @param districtCorridors the busiest corridors also forecast per destination district
   * @param backtestOrigins weekly origins of the backtest that calibrates the intervals
   * @param quarantineDays days a returning person stays in quarantine (14 in the 2020 guidelines):
   *     how long an arrival fills a place, and how long a declaration of places stands
   */
  public record Forecast(
      @DefaultValue("28") @Min(1) @Max(90) int days,
      @DefaultValue("") String asOf,
      @DefaultValue("2m") @NotNull Duration firstRunAfter,
      @DefaultValue("6h") @NotNull Duration every,
      @DefaultValue("false") boolean middleBerthsEmpty,
      @DefaultValue("20") @Min(0) int districtCorridors,
      @DefaultValue("8") @Min(1) int backtestOrigins,
      @DefaultValue("14") @Min(1) @Max(60) int quarantineDays) {}

  /**
   * SMS alerts (docs/ARCHITECTURE.md, "SMS alerts"). The outbox always fills and lands; messages
   * leave only when {@code twilio} is configured.
   *
   * @param topic the SMS outbox's log (created by the service when embedded)
   * @param landingTrigger pause between landings of the log into sms_outbox and sms_events
   * @param maxSegments a template that can take more segments is refused at start-up
   * @param rate messages per second the sender hands to Twilio (1 suits one long-code number; a
   *     Messaging Service with several numbers or a short code takes more); 0 = no limit
   * @param backoff first pause after Twilio answers 429 or 5xx, doubled up to {@code maxBackoff}
   * @param maxBackoff longest pause between retries
   * @param settle how long a message whose answer was lost stays SENDING before, absent from
   *     Twilio's message list, it is sent again
   * @param reportingTime when travellers report at the boarding station on the travel date (IST);
   *     the railways' booking carries no departure time
   * @param hindiStates LGD codes of the destination states whose travellers get the Hindi texts
   * @param unreachedAfter a message not delivered by then counts as unreached
   * @param statusCallbackUrl public URL of POST /api/v1/sms/status that Twilio calls and that
   *     receipts' signatures are checked against; empty = this service on loopback (the stub)
   */
  public record Sms(
      @DefaultValue("nmis.sms.v1") @NotBlank String topic,
      @DefaultValue("2s") Duration landingTrigger,
      @DefaultValue("3") @Min(1) @Max(10) int maxSegments,
      @DefaultValue("1") @Min(0) double rate,
      @DefaultValue("1s") @NotNull Duration backoff,
      @DefaultValue("60s") @NotNull Duration maxBackoff,
      @DefaultValue("2m") @NotNull Duration settle,
      @DefaultValue("06:00") @NotNull java.time.LocalTime reportingTime,
      @DefaultValue({"2", "5", "6", "7", "8", "9", "10", "20", "22", "23"})
          List<Integer> hindiStates,
      @DefaultValue("6h") @NotNull Duration unreachedAfter,
      @DefaultValue("") String statusCallbackUrl,
      @Valid @NotNull @DefaultValue Twilio twilio) {}

  /**
   * Twilio's account. Sending is on when the account SID, a credential and a sender are set.
   *
   * @param accountSid AC...
   * @param authToken the account's auth token: signs the SDK's calls and checks receipts'
   *     signatures
   * @param from the sender number (E.164) or alphanumeric sender ID registered on DLT
   * @param messagingServiceSid MG...: Twilio picks the sender from the service (instead of from)
   * @param baseUrl empty = api.twilio.com; the demo and the tests point it at the local stub
   */
  public record Twilio(
      @DefaultValue("") String accountSid,
      @DefaultValue("") String authToken,
      @DefaultValue("") String from,
      @DefaultValue("") String messagingServiceSid,
      @DefaultValue("") String baseUrl) {
    public boolean configured() {
      return !accountSid.isBlank()
          && !authToken.isBlank()
          && (!from.isBlank() || !messagingServiceSid.isBlank());
    }
  }

  /** Users of the service; production deployments use their identity provider instead. */
  /**
   * @param users who may sign in
   * @param signIn the brute-force limits on failed sign-ins
   */
  public record Security(
      @DefaultValue List<@Valid User> users, @DefaultValue @Valid SignIn signIn) {}

  /**
   * Failed sign-ins allowed within {@code window} before further attempts are refused with 429
   * until the oldest failure leaves it: per user name ({@code max-failures-per-user}, default 5)
   * and per client address ({@code max-failures-per-address}, default 20), over 15 minutes by
   * default.
   */
  public record SignIn(
      @DefaultValue("5") @jakarta.validation.constraints.Positive int maxFailuresPerUser,
      @DefaultValue("20") @jakarta.validation.constraints.Positive int maxFailuresPerAddress,
      @DefaultValue("15m") Duration window) {}

  /**
   * @param role MINISTRY, STATE, DISTRICT, RAILWAYS, HEALTH or AUDITOR
   * @param stateCode jurisdiction of STATE and DISTRICT users
   * @param districtCode jurisdiction of DISTRICT users
   */
  public record User(
      @NotBlank String username,
      @NotBlank String password,
      @NotNull Role role,
      Integer stateCode,
      Integer districtCode) {}
}
