package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is a hash chain per writer and day: verified whole after ordinary use, and a row
 * changed in the table's files (the append-only property lifted, an UPDATE run with Delta, as
 * someone with access to the storage could) is named as the first broken link.
 */
class AuditChainIT extends ApiTestBase {
  @Test
  void aDaysChainHoldsUntilARowIsChangedInTheTable() throws Exception {
    for (int i = 0; i < 3; i++) {
      get(
          "/api/v1/tracing/persons?mobile=70000004" + i + "0&purpose=CHAIN-IT-" + i,
          "health",
          "health-demo");
    }
    platform.awaitAuditLanded();
    assertEquals(403, get("/api/v1/audit/verify", "ministry", "ministry-demo").statusCode());
    JsonNode whole = json(get("/api/v1/audit/verify", "auditor", "auditor-demo"));
    assertTrue(whole.get("intact").asBoolean(), whole.toString());
    assertTrue(whole.get("rows").asLong() >= 3, whole.toString());
    assertEquals(1, whole.get("chains").asInt(), whole.toString());
    assertTrue(whole.get("first_broken").isNull(), whole.toString());

    String table = "delta.`" + platform.warehouse().root() + "/audit_log`";
    List<Row> target =
        platform
            .spark()
            .sql(
                "SELECT id, seq FROM "
                    + table
                    + " WHERE parameters LIKE '%CHAIN-IT-1%' AND seq IS NOT NULL")
            .collectAsList();
    assertEquals(1, target.size());
    String id = target.get(0).getString(0);
    long seq = target.get(0).getLong(1);
    change("ALTER TABLE " + table + " SET TBLPROPERTIES ('delta.appendOnly' = 'false')");
    try {
      change(
          "UPDATE " + table + " SET rows_returned = rows_returned + 100 WHERE id = '" + id + "'");
      JsonNode broken = json(get("/api/v1/audit/verify", "auditor", "auditor-demo"));
      assertFalse(broken.get("intact").asBoolean(), broken.toString());
      assertEquals(id, broken.get("first_broken").get("id").asText(), broken.toString());
      assertEquals(seq, broken.get("first_broken").get("seq").asLong(), broken.toString());
      assertTrue(
          broken.get("first_broken").get("reason").asText().contains("changed"), broken.toString());
    } finally {
      // Put the row back as it was, so that the rest of the suite sees an intact trail.
      change(
          "UPDATE " + table + " SET rows_returned = rows_returned - 100 WHERE id = '" + id + "'");
      change("ALTER TABLE " + table + " SET TBLPROPERTIES ('delta.appendOnly' = 'true')");
    }
    assertTrue(
        json(get("/api/v1/audit/verify", "auditor", "auditor-demo")).get("intact").asBoolean());
    // The landing went on through the property changes: later events still reach the table.
    get(
        "/api/v1/tracing/persons?mobile=7000000499&purpose=CHAIN-IT-AFTER",
        "health",
        "health-demo");
    platform.awaitAuditLanded();
    assertEquals(
        200, anonymousReadiness(), "readiness holds: every streaming query is still active");
  }

  private int anonymousReadiness() throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * A change to the table while the service keeps appending audit events to today's partition:
   * Delta refuses a transaction that conflicts with a concurrent append, so try again.
   */
  private void change(String sql) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        platform.spark().sql(sql);
        return;
      } catch (RuntimeException e) {
        if (attempt == 10 || !e.getClass().getName().contains("Concurrent")) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
