package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * Governed SQL over HTTP on the real warehouse: the policy's rows and masks per role, refusals with
 * their codes, limits that fail loudly (row limit, timeout, concurrent queries), streamed exports,
 * and the audit_log table.
 */
class GovernedSqlIT extends ApiTestBase {
  private static final String MINE =
      "SELECT source_record_id, name, mobile, destination_state_code FROM registrations"
          + " WHERE source_record_id LIKE 'MH-SQL-%' ORDER BY source_record_id";
  // 395 million joined rows: longer than the 1-second timeout the test asks for, and quick to
  // cancel.
  private static final String HUGE = "SELECT count(*) FROM districts a, districts b, districts c";

  @BeforeEach
  void registrations() throws Exception {
    String toUp =
        new String(
            RegistrationJson.write(
                RegistrationFixtures.ramFromPuneToGorakhpur()
                    .set(Field.SOURCE_STATE_CODE, (String) null)
                    .set(Field.AADHAAR, null)
                    .set(Field.SOURCE_RECORD_ID, "MH-SQL-1")
                    .set(Field.MOBILE, "9111111111")
                    .build()),
            StandardCharsets.UTF_8);
    String toBihar =
        new String(
            RegistrationJson.write(
                RegistrationFixtures.ramFromPuneToGorakhpur()
                    .set(Field.SOURCE_STATE_CODE, (String) null)
                    .set(Field.AADHAAR, null)
                    .set(Field.SOURCE_RECORD_ID, "MH-SQL-2")
                    .set(Field.MOBILE, "9222222222")
                    .set(Field.DESTINATION_STATE_CODE, "10")
                    .set(Field.DESTINATION_DISTRICT_CODE, "212")
                    .build()),
            StandardCharsets.UTF_8);
    assertEquals(
        200,
        post("/api/v1/registrations", "[" + toUp + "," + toBihar + "]", "mh-state", "mh-demo")
            .statusCode());
    platform.awaitCaughtUp();
  }

  @Test
  void eachRoleGetsItsRowsAndMasks() throws Exception {
    JsonNode state = sql(MINE, "mh-state", "mh-demo");
    assertEquals(
        "[[\"MH-SQL-1\",\"Ram Kumar\",\"+919111111111\",9],[\"MH-SQL-2\",\"Ram Kumar\",\"+919222222222\",10]]",
        state.get("rows").toString());
    JsonNode ministry =
        sql(
            "SELECT source_record_id, name, mobile, destination_state_code FROM registrations"
                + " WHERE mobile IN ('+91XXXXXX1111', '+91XXXXXX2222') ORDER BY mobile",
            "ministry",
            "ministry-demo");
    assertEquals(
        "[[null,null,\"+91XXXXXX1111\",9],[null,null,\"+91XXXXXX2222\",10]]",
        ministry.get("rows").toString(),
        "MINISTRY: no names, no record IDs, masked mobiles");
    JsonNode up =
        sql(
            "SELECT source_record_id FROM registrations WHERE source_record_id LIKE 'MH-SQL-%'",
            "up-state", "up-demo");
    assertEquals(
        "[[\"MH-SQL-1\"]]", up.get("rows").toString(), "Uttar Pradesh sees only the arrival in UP");
    JsonNode bihar =
        sql(
            "SELECT r.source_record_id FROM registrations r JOIN (SELECT * FROM registrations) s"
                + " ON r.person_id = s.person_id WHERE r.source_record_id LIKE 'MH-SQL-%' UNION ALL SELECT source_record_id"
                + " FROM registrations WHERE source_record_id IN (SELECT source_record_id FROM registrations)"
                + " AND source_record_id LIKE 'MH-SQL-%'",
            "br-state", "br-demo");
    assertEquals(
        "[[\"MH-SQL-2\"],[\"MH-SQL-2\"]]",
        bihar.get("rows").toString(),
        "joins and sub-queries too");
  }

  @Test
  void refusalsAreProblemsWithCodesAndPositions() throws Exception {
    HttpResponse<String> syntax =
        query("SELECT name\nFROM registrations WHERE", "json", "mh-state", "mh-demo");
    assertEquals(400, syntax.statusCode());
    assertEquals("NMIS-SQL-001", json(syntax).get("code").asText());
    assertEquals(2, json(syntax).get("line").asInt(), syntax.body());
    for (String forbidden :
        List.of(
            "DROP TABLE registrations",
            "DELETE FROM registrations",
            "SELECT * FROM registrations VERSION AS OF 0",
            "SELECT 1; SELECT 2",
            "SELECT * FROM delta.`/tmp/registrations`",
            "SELECT input_file_name() FROM registrations")) {
      HttpResponse<String> r = query(forbidden, "json", "ministry", "ministry-demo");
      assertEquals(400, r.statusCode(), forbidden + " -> " + r.body());
      assertTrue(json(r).get("code").asText().startsWith("NMIS-SQL-"), r.body());
      assertTrue(!r.body().contains("at org."), "no stack trace");
    }
    assertEquals(
        "NMIS-SQL-004",
        json(query("SELECT * FROM audit_log", "json", "ministry", "ministry-demo"))
            .get("code")
            .asText(),
        "audit_log is for AUDITOR only");
  }

  @Test
  void limitsFailLoudlyAndExportsStream() throws Exception {
    String pairs =
        "SELECT a.district_code AS a, b.district_code AS b FROM districts a CROSS JOIN districts b";
    HttpResponse<String> overLimit = query(pairs, "json", "ministry", "ministry-demo");
    assertEquals(400, overLimit.statusCode());
    assertEquals(
        "NMIS-SQL-010", json(overLimit).get("code").asText(), "never a silently cut result");

    HttpResponse<String> csv = query(pairs, "csv", "ministry", "ministry-demo");
    assertEquals(200, csv.statusCode(), csv.body());
    assertEquals(734 * 734 + 1, csv.body().split("\r\n").length, "every row and the header");
    HttpResponse<byte[]> xlsx =
        send(
            HttpRequest.newBuilder(uri("/api/v1/sql"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sql\": \"SELECT * FROM states\"," + " \"format\": \"xlsx\"}")),
            "ministry",
            "ministry-demo",
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, xlsx.statusCode());
    assertEquals('P', xlsx.body()[0]);
    assertEquals('K', xlsx.body()[1]);

    // Two slow queries take the auditor's two slots; a third is refused at once; the two time out
    // (cancelled).
    List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      slow.add(CompletableFuture.supplyAsync(() -> quietly(HUGE)));
    }
    Thread.sleep(1000);
    HttpResponse<String> third = query("SELECT 1 FROM states", "json", "auditor", "auditor-demo");
    assertEquals(429, third.statusCode(), third.body());
    for (CompletableFuture<HttpResponse<String>> f : slow) {
      assertEquals(504, f.get().statusCode(), f.get().body());
      assertEquals("NMIS-SQL-015", json(f.get()).get("code").asText());
    }

    platform.awaitAuditLanded();
    JsonNode audited =
        sql(
            "SELECT outcome, count(*) FROM audit_log WHERE username = 'auditor'"
                + " AND endpoint = 'sql.query' GROUP BY outcome ORDER BY outcome",
            "auditor",
            "auditor-demo");
    assertEquals("[[\"NMIS-SQL-014\",1],[\"NMIS-SQL-015\",2]]", audited.get("rows").toString());
  }

  private HttpResponse<String> quietly(String sql) {
    try {
      return post(
          "/api/v1/sql",
          JSON.writeValueAsString(
              java.util.Map.of("sql", sql, "format", "json", "timeout_seconds", 1)),
          "auditor",
          "auditor-demo");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode sql(String sql, String user, String password) throws Exception {
    HttpResponse<String> r = query(sql, "json", user, password);
    assertEquals(200, r.statusCode(), r.body());
    return json(r);
  }

  private HttpResponse<String> query(String sql, String format, String user, String password)
      throws Exception {
    return post(
        "/api/v1/sql",
        JSON.writeValueAsString(java.util.Map.of("sql", sql, "format", format)),
        user,
        password);
  }
}
