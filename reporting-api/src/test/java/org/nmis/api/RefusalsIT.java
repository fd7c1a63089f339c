package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Refused attempts are what data harvesting looks like, so they are audited like reads: failed
 * sign-ins (with the name given), sign-ins throttled after too many failures (429 before the
 * password is checked), requests refused by role (403), tracing without a purpose (400).
 */
class RefusalsIT extends ApiTestBase {
  @Test
  void failedThrottledAndForbiddenAttemptsAreRefusedAndAudited() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(401, get("/api/v1/status", "harvester", "guess-" + i).statusCode());
    }
    HttpResponse<String> throttled = get("/api/v1/status", "harvester", "guess-6");
    assertEquals(429, throttled.statusCode(), throttled.body());
    assertEquals("TOO_MANY_SIGN_IN_FAILURES", json(throttled).get("code").asText());
    long retry = Long.parseLong(throttled.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retry > 0 && retry <= 15 * 60, "Retry-After " + retry);
    assertEquals(200, get("/api/v1/status", "auditor", "auditor-demo").statusCode());

    assertEquals(
        403,
        post("/api/v1/registrations", "[]", "health", "health-demo").statusCode(),
        "HEALTH may not submit registrations");
    HttpResponse<String> noPurpose =
        get("/api/v1/tracing/persons?mobile=7000000501", "health", "health-demo");
    assertEquals(400, noPurpose.statusCode());

    platform.awaitAuditLanded();
    assertEquals(
        "[[\"auth.failed\",\"UNAUTHENTICATED\",5],"
            + "[\"auth.throttled\",\"TOO_MANY_SIGN_IN_FAILURES\",1]]",
        audited("harvester", "'auth.failed', 'auth.throttled'"));
    // Other tests of the suite are refused as HEALTH too: at least this test's refusals.
    String health = audited("health", "'access.denied', 'tracing.refused'");
    assertTrue(
        health.contains("[\"access.denied\",\"FORBIDDEN\",")
            && health.contains("[\"tracing.refused\",\"NMIS-TRC-014\","),
        health);
  }

  /**
   * The user's audit rows of these endpoints, counted by endpoint and outcome, as JSON. Read with
   * Spark, not through the SQL API, which would add the auditor's own queries to the trail that
   * GovernedSqlIT counts.
   */
  private String audited(String user, String endpoints) {
    return platform
        .spark()
        .sql(
            "SELECT endpoint, outcome, count(*) AS n FROM delta.`"
                + platform.warehouse().root()
                + "/audit_log` WHERE username = '"
                + user
                + "' AND endpoint IN ("
                + endpoints
                + ") GROUP BY endpoint, outcome ORDER BY endpoint, outcome")
        .collectAsList()
        .stream()
        .map(r -> "[\"" + r.getString(0) + "\",\"" + r.getString(1) + "\"," + r.getLong(2) + "]")
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
  }
}
