package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.nmis.api.platform.RetentionJob;
import org.nmis.model.serving.FlowIndex;
import org.nmis.warehouse.tables.DeltaTables;
import org.nmis.warehouse.testing.WarehouseScan;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Erasure (DPDP Act 2023, s.12) end to end: a manifested traveller is erased by the state that
 * registered them; afterwards no lookup, tracing answer, manifest, flow count, table row or (after
 * the retention job's vacuum) file under the warehouse holds their name or mobile, while their
 * co-traveller's are still there (so every check can find what it looks for).
 */
class ErasureIT extends ApiTestBase {
  private static final String NAME = "Zubeida Erasable";
  private static final String MOBILE = "+919555500077";
  private static final String DIGITS = "9555500077";
  private static final String OTHER_DIGITS = "9555500076";

  @Autowired RetentionJob retention;

  @Test
  void erasedPersonLeavesNoTraceAndTheirSeatStays() throws Exception {
    List<String> ids = registerTwoTravellers("ERA-", "+91" + OTHER_DIGITS, MOBILE, NAME);
    String erased = ids.get(1);
    String request = manifestTrain(ids, "04999");
    platform.awaitFlowsCaughtUp();
    long flowsBefore = flowRegistrations();
    long tableBefore = odFlowsRegistrations();
    assertTrue(flowsBefore >= 2 && tableBefore == flowsBefore, flowsBefore + " " + tableBefore);
    String erasure = "/api/v1/persons/" + erased + "/erasure";
    String reason = "{\"reason\": \"the data principal withdrew consent (s.6(4))\"}";

    // Who may not, and without what: each refused with its code, nothing erased.
    assertProblem(post(erasure, reason, "up-state", "up-demo"), 403, "ERASURE_NOT_PERMITTED");
    assertEquals(403, post(erasure, reason, "health", "health-demo").statusCode());
    assertProblem(post(erasure, "{}", "mh-state", "mh-demo"), 400, "ERASURE_REASON_REQUIRED");
    assertProblem(
        post("/api/v1/persons/ABCDE-FGHIJ/erasure", reason, "mh-state", "mh-demo"),
        400,
        "INVALID_PERSON_ID");
    assertEquals(200, get("/api/v1/persons/" + erased, "mh-state", "mh-demo").statusCode());

    String contactsPath =
        "/api/v1/tracing/persons/" + ids.get(0) + "/contacts?purpose=erasure-check";
    assertTrue(get(contactsPath, "health", "health-demo").body().contains(erased), "co-travellers");

    var answer = post(erasure, reason, "mh-state", "mh-demo");
    assertEquals(200, answer.statusCode(), answer.body());
    JsonNode receipt = json(answer);
    assertEquals(1, receipt.get("rowsRemoved").get("registrations").asInt(), answer.body());
    assertTrue(receipt.get("rowsRemoved").get("registrations_raw").asInt() >= 1, answer.body());
    assertTrue(receipt.get("servingCopiesCleared").asBoolean(), answer.body());

    // Gone from every serving copy...
    assertProblem(get("/api/v1/persons/" + erased, "mh-state", "mh-demo"), 404, "PERSON_NOT_FOUND");
    assertEquals(
        0,
        json(get("/api/v1/persons?mobile=" + DIGITS, "ministry", "ministry-demo"))
            .get("count")
            .asInt());
    var traced =
        get(
            "/api/v1/tracing/persons?mobile=" + DIGITS + "&purpose=erasure-check",
            "health",
            "health-demo");
    assertEquals(200, traced.statusCode(), traced.body());
    assertFalse(traced.body().contains(erased) || traced.body().contains(NAME), traced.body());
    var contacts = get(contactsPath, "health", "health-demo");
    assertEquals(200, contacts.statusCode(), contacts.body());
    assertFalse(contacts.body().contains(erased), "no longer a contact: " + contacts.body());
    // ...the manifest keeps the seat without the name...
    String manifest =
        get("/api/v1/movement/requests/" + request + "/manifest", "railways", "railways-demo")
            .body();
    assertFalse(manifest.contains(NAME), manifest);
    assertTrue(manifest.contains("\"" + erased + "\""), "the seat stays: " + manifest);
    assertTrue(
        manifest.contains(
            "{\"traveller\":\"" + erased + "\",\"person_id\":\"" + erased + "\",\"name\":\"\","),
        "the seat keeps no name: " + manifest);
    // ...and the flows count one registration fewer, in the index and in the table.
    platform.awaitFlowsCaughtUp();
    assertEquals(flowsBefore - 1, flowRegistrations());
    assertEquals(tableBefore - 1, odFlowsRegistrations());
    platform.awaitMovementLanded();
    platform.awaitSmsLanded();
    platform.awaitAuditLanded();
    Map<String, List<String>> holding = tablesHolding(NAME, DIGITS, OTHER_DIGITS);
    assertEquals(List.of(), holding.get(NAME), "tables holding the name");
    assertEquals(List.of(), holding.get(DIGITS), "tables holding the mobile");
    List<String> other = holding.get(OTHER_DIGITS);
    assertTrue(
        other.containsAll(List.of("registrations_raw", "registrations", "sms_outbox")),
        "the co-traveller is still there: " + other);

    // The retention job's vacuum takes the old file versions: no file holds them any more.
    RetentionJob.LastRun run = retention.runNow(Duration.ZERO);
    assertEquals(null, run.error());
    assertFalse(filesHold(NAME), "a file under the warehouse still holds the name");
    assertFalse(filesHold(DIGITS), "a file under the warehouse still holds the mobile");
    assertTrue(filesHold(OTHER_DIGITS), "the scan finds the co-traveller's mobile");
    assertEquals(200, get("/api/v1/persons/" + ids.get(0), "mh-state", "mh-demo").statusCode());
  }

  private void assertProblem(java.net.http.HttpResponse<String> r, int status, String code)
      throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(code, json(r).get("code").asText(), r.body());
  }

  private long flowRegistrations() {
    return platform
        .flows()
        .query(new FlowIndex.Query(FlowIndex.Level.STATE, null, null, 27, 9, null))
        .stream()
        .mapToLong(FlowIndex.Total::registrations)
        .sum();
  }

  private long odFlowsRegistrations() {
    Object sum =
        platform
            .spark()
            .read()
            .format("delta")
            .load(platform.warehouse().root() + "/od_flows")
            .filter(
                functions
                    .col("origin_state_code")
                    .equalTo(27)
                    .and(functions.col("destination_state_code").equalTo(9)))
            .agg(functions.sum("registrations"))
            .first()
            .get(0);
    return sum == null ? 0 : ((Number) sum).longValue();
  }

  /** Tables with a row whose values, as JSON, contain {@code text}. */
  /** For each text, the tables holding it (one read of every table). */
  private Map<String, List<String>> tablesHolding(String... texts) {
    return WarehouseScan.tablesHolding(
        platform.spark(), platform.warehouse(), DeltaTables.ALL, texts);
  }

  private boolean filesHold(String text) {
    return WarehouseScan.filesHold(DATA_DIR.resolve("warehouse"), text);
  }
}
