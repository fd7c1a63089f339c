package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nmis.warehouse.testing.Writability;

/**
 * What an operator's probes and Prometheus see: liveness and readiness without credentials (status
 * only), the health details for MINISTRY, and the platform's metrics beside Spring's request
 * metrics. The warm-up gate itself is WarmUpGateTest; the ChangeFeed's warm flag ChangeFeedTest.
 */
class OperationsIT extends ApiTestBase {
  private final HttpClient anonymous = HttpClient.newHttpClient();

  private HttpResponse<String> anonymousGet(String path) throws Exception {
    return anonymous.send(
        HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void probesAnswerWithoutCredentialsAndShowOnlyTheStatus() throws Exception {
    HttpResponse<String> live = anonymousGet("/actuator/health/liveness");
    assertEquals(200, live.statusCode(), live.body());
    assertEquals("UP", json(live).get("status").asText());
    HttpResponse<String> ready = anonymousGet("/actuator/health/readiness");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonNode r = json(ready);
    assertEquals("UP", r.get("status").asText());
    assertTrue(r.path("components").isMissingNode(), "no details without credentials: " + r);
  }

  @Test
  void theHealthDetailsNameEveryPartAndItsLag() throws Exception {
    register(
        org.nmis.model.testing.RegistrationFixtures.ramFromPuneToGorakhpur()
            .set(org.nmis.model.registration.Field.SOURCE_STATE_CODE, (String) null)
            .set(org.nmis.model.registration.Field.SOURCE_RECORD_ID, "MH-OPS-1")
            .set(org.nmis.model.registration.Field.MOBILE, "7000000301")
            .build());
    JsonNode health = json(get("/actuator/health/readiness", "ministry", "ministry-demo"));
    assertEquals("UP", health.get("status").asText(), health.toString());
    JsonNode parts = health.get("components");
    for (String part : new String[] {"servingIndexes", "broker", "spark", "streamingQueries"}) {
      assertEquals("UP", parts.path(part).path("status").asText(), part + ": " + parts);
    }
    assertEquals(1, parts.get("broker").get("details").get("brokers").asInt());
    JsonNode ingest = parts.get("streamingQueries").get("details").get("registrations-ingest");
    assertTrue(ingest.get("active").asBoolean(), ingest.toString());
    assertEquals(0, ingest.get("offsets_behind").asLong(), "caught up: " + ingest);
    assertTrue(
        parts.get("servingIndexes").get("details").get("indexed_persons").asLong() >= 1,
        parts.toString());
  }

  /**
   * The audit table cannot be written for a while: the landing's failure shows in the health
   * details and on the status page, and once the directory is writable again the landing starts
   * again by itself and every audit row lands once (the day's hash chain verifies).
   */
  @Test
  void anUnwritableTableShowsInHealthAndStatusThenHealsByItself() throws Exception {
    platform.awaitAuditLanded();
    Path log =
        Path.of(java.net.URI.create(platform.warehouse().root()))
            .resolve("audit_log")
            .resolve("_delta_log");
    Writability.set(log, false);
    try {
      // An audited read, whose audit row cannot land now.
      assertEquals(
          200, get("/api/v1/persons?mobile=7000000301", "ministry", "ministry-demo").statusCode());
      long deadline = System.nanoTime() + 90_000_000_000L;
      JsonNode failure = null;
      while (System.nanoTime() < deadline) {
        failure =
            json(get("/api/v1/status", "ministry", "ministry-demo"))
                .path("streaming_failures_audit-landing");
        if (failure.path("last_failure").asText().contains("_delta_log")) {
          break;
        }
        Thread.sleep(250);
      }
      assertTrue(
          failure.path("last_failure").asText().contains("_delta_log"), "status: " + failure);
      JsonNode details =
          json(get("/actuator/health/readiness", "ministry", "ministry-demo"))
              .path("components")
              .path("streamingQueries")
              .path("details")
              .path("audit-landing");
      assertTrue(details.path("last_failure").asText().contains("_delta_log"), details.toString());
    } finally {
      Writability.set(log, true);
    }
    platform.awaitAuditLanded();
    JsonNode chain = json(get("/api/v1/audit/verify", "auditor", "auditor-demo"));
    assertTrue(chain.get("intact").asBoolean(), chain.toString());
    JsonNode health = json(get("/actuator/health/readiness", "ministry", "ministry-demo"));
    assertEquals(
        "UP",
        health.path("components").path("streamingQueries").path("status").asText(),
        health.toString());
  }

  @Test
  void prometheusIsForMinistryAndAuditorsAndCarriesThePlatformsMetrics() throws Exception {
    assertEquals(401, anonymousGet("/actuator/prometheus").statusCode());
    assertEquals(403, get("/actuator/prometheus", "health", "health-demo").statusCode());
    get("/api/v1/persons/0000000000", "mh-state", "mh-demo"); // one lookup, refused or not
    HttpResponse<String> metrics = get("/actuator/prometheus", "auditor", "auditor-demo");
    assertEquals(200, metrics.statusCode(), metrics.body());
    String text = metrics.body();
    for (String metric :
        new String[] {
          "nmis_ingest_messages_total",
          "nmis_ingest_rejected_total",
          "nmis_ingest_rejected_by_code_total{application=\"nmis-warehouse\",code=\"AGE_OUT_OF_RANGE\"}",
          "nmis_index_persons",
          "nmis_serving_ready{application=\"nmis-warehouse\"} 1.0",
          "nmis_streaming_lag_offsets{application=\"nmis-warehouse\",query=\"audit-landing\"}",
          "nmis_streaming_active{application=\"nmis-warehouse\",query=\"registrations-index\"} 1.0"
        }) {
      assertTrue(text.contains(metric), metric + " missing from:\n" + grep(text, metric));
    }
    // Lookups, SQL and uploads by endpoint and status: Spring's request metrics.
    assertTrue(
        text.lines()
            .anyMatch(
                l ->
                    l.startsWith("http_server_requests_seconds_count{")
                        && l.contains("uri=\"/api/v1/persons/{personId}\"")),
        grep(text, "http_server_requests_seconds_count"));
  }

  /** The lines of the scrape that share the metric's name, to show what was there instead. */
  private static String grep(String text, String metric) {
    String name = metric.contains("{") ? metric.substring(0, metric.indexOf('{')) : metric;
    return String.join("\n", text.lines().filter(l -> l.startsWith(name)).limit(20).toList());
  }
}
