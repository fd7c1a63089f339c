package org.nmis.api.platform;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.nmis.warehouse.spark.SupervisedQuery;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What an operator's probes and Prometheus read (Spring Boot Actuator, Micrometer). Readiness
 * (application.yml, {@code management.endpoint.health.group.readiness}) is the serving indexes
 * warmed up, the broker reachable, Spark running and every streaming query active; liveness is the
 * process. The metrics are the platform's own counters; request counts, latencies and refusals per
 * endpoint come from Spring's {@code http.server.requests}. Documented in README.md, "Operating
 * it".
 */
@Configuration
public class PlatformHealth {
  /** The serving indexes have read their tables once since start (WarmUpGate opens then). */
  @Bean
  HealthIndicator servingIndexesHealthIndicator(WarehousePlatform platform) {
    return () -> {
      Health.Builder h = platform.servingReady() ? Health.up() : Health.outOfService();
      if (!platform.servingReady()) {
        h.withDetail("reason", "the serving indexes are still reading the warehouse after a start");
      }
      return h.withDetail("indexed_persons", platform.index().size())
          .withDetail("flow_keys", platform.flows().size())
          .build();
    };
  }

  @Bean
  HealthIndicator sparkHealthIndicator(WarehousePlatform platform) {
    return () ->
        platform.sparkRunning()
            ? Health.up().build()
            : Health.down().withDetail("reason", "the SparkContext has stopped").build();
  }

  /** Every streaming query active, each with its last batch and how far it is behind its source. */
  @Bean
  HealthIndicator streamingQueriesHealthIndicator(WarehousePlatform platform) {
    return () -> {
      Health.Builder h = Health.up();
      for (Map.Entry<String, SupervisedQuery> e : platform.streamingQueries().entrySet()) {
        SupervisedQuery supervised = e.getValue();
        StreamingQuery q = supervised.current();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("active", q.isActive());
        StreamingQueryProgress last = q.lastProgress();
        if (last != null) {
          d.put("last_batch", last.batchId());
          d.put("last_progress_at", last.timestamp());
          d.putAll(lag(last));
        }
        d.put("restarts", supervised.restarts());
        supervised
            .lastFailure()
            .ifPresent(
                f -> {
                  d.put("last_failure_at", f.at().toString());
                  d.put("last_failure", f.message());
                });
        if (!q.isActive()) {
          h.down();
          d.put("error", "stopped; its supervisor starts it again (see last_failure)");
        }
        h.withDetail(e.getKey(), d);
      }
      return h.build();
    };
  }

  /** The broker answers a metadata request within two seconds. */
  @Bean(destroyMethod = "close")
  BrokerHealth brokerHealthIndicator(WarehousePlatform platform) {
    return new BrokerHealth(platform.bootstrapServers());
  }

  /** The platform's counters and gauges, with the {@code nmis} prefix. */
  @Bean
  MeterBinder platformMetrics(WarehousePlatform platform) {
    return registry -> {
      platform
          .ingestTotals()
          .ifPresent(
              t -> {
                FunctionCounter.builder("nmis.ingest.messages", t, x -> x.messages.get())
                    .description("registration messages read from the topic")
                    .register(registry);
                FunctionCounter.builder("nmis.ingest.valid", t, x -> x.valid.get())
                    .description("registrations that passed every rule")
                    .register(registry);
                FunctionCounter.builder("nmis.ingest.rejected", t, x -> x.rejected.get())
                    .description("registrations rejected (rows in registration_rejects)")
                    .register(registry);
                FunctionCounter.builder("nmis.ingest.batches", t, x -> x.batches.get())
                    .register(registry);
                // One series per rule, known up front, so a dashboard sees zeros before rejects.
                for (org.nmis.model.registration.ErrorCode code :
                    org.nmis.model.registration.ErrorCode.values()) {
                  FunctionCounter.builder(
                          "nmis.ingest.rejected.by.code",
                          t,
                          x -> {
                            var n = x.rejectedByCode.get(code.name());
                            return n == null ? 0 : n.get();
                          })
                      .description("rejected messages that broke this rule")
                      .tag("code", code.name())
                      .register(registry);
                }
              });
      Gauge.builder("nmis.index.persons", platform, p -> p.index().size())
          .description("persons in the serving index")
          .register(registry);
      Gauge.builder("nmis.index.flow.keys", platform, p -> p.flows().size()).register(registry);
      Gauge.builder("nmis.serving.ready", platform, p -> p.servingReady() ? 1 : 0)
          .description("1 once the serving indexes have read their tables since start")
          .register(registry);
      for (Map.Entry<String, SupervisedQuery> e : platform.streamingQueries().entrySet()) {
        SupervisedQuery q = e.getValue();
        Gauge.builder("nmis.streaming.active", q, x -> x.isActive() ? 1 : 0)
            .tag("query", e.getKey())
            .register(registry);
        // Kafka-fed queries (ingestion, the audit, SMS and movement landings): offsets not yet
        // read.
        Gauge.builder("nmis.streaming.lag.offsets", q, PlatformHealth::offsetsBehind)
            .tag("query", e.getKey())
            .description("offsets the query is behind the latest in its topic, NaN if not Kafka")
            .register(registry);
        FunctionCounter.builder("nmis.streaming.restarts", q, SupervisedQuery::restarts)
            .tag("query", e.getKey())
            .description("times the query was started again after a failure")
            .register(registry);
      }
    };
  }

  private static double offsetsBehind(SupervisedQuery q) {
    StreamingQueryProgress last = q.current().lastProgress();
    Object behind = last == null ? null : lag(last).get("offsets_behind");
    return behind == null ? Double.NaN : Double.parseDouble(behind.toString());
  }

  /** Spark's own source metrics: offsets behind (Kafka) or bytes and files outstanding (Delta). */
  private static Map<String, Object> lag(StreamingQueryProgress progress) {
    Map<String, Object> lag = new LinkedHashMap<>();
    for (SourceProgress s : progress.sources()) {
      Map<String, String> m = s.metrics();
      if (m == null) {
        continue;
      }
      if (m.containsKey("maxOffsetsBehindLatest")) {
        lag.put("offsets_behind", m.get("maxOffsetsBehindLatest"));
      }
      if (m.containsKey("numFilesOutstanding")) {
        lag.put("files_outstanding", m.get("numFilesOutstanding"));
      }
      if (m.containsKey("numBytesOutstanding")) {
        lag.put("bytes_outstanding", m.get("numBytesOutstanding"));
      }
    }
    return lag;
  }

  /** One admin client, kept open, asked for the cluster's nodes on each check. */
  static final class BrokerHealth implements HealthIndicator, AutoCloseable {
    private final String bootstrapServers;
    private Admin admin;

    BrokerHealth(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    @Override
    public synchronized Health health() {
      try {
        if (admin == null) {
          admin =
              Admin.create(
                  Map.of(
                      AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                      AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                      AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000));
        }
        int nodes = admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size();
        return Health.up()
            .withDetail("bootstrap_servers", bootstrapServers)
            .withDetail("brokers", nodes)
            .build();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return Health.down()
            .withDetail("bootstrap_servers", bootstrapServers)
            .withDetail("reason", "the broker did not answer within 2 s: " + e)
            .build();
      }
    }

    @Override
    public synchronized void close() {
      if (admin != null) {
        admin.close();
      }
    }
  }
}
