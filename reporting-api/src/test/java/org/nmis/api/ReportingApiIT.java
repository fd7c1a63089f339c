package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * The whole service on its embedded default (real broker, Spark, Delta files): a state posts
 * registrations, the ingestion job takes them into the tables, and lookups find them through the
 * serving index.
 */
class ReportingApiIT extends ApiTestBase {

  @Test
  void aStatePostsRegistrationsAndTheyAreFoundByMobileAndIdWithinSeconds() throws Exception {
    byte[] body =
        ("["
                + new String(
                    RegistrationJson.write(
                        RegistrationFixtures.ramFromPuneToGorakhpur()
                            .set(Field.SOURCE_STATE_CODE, (String) null)
                            .set(Field.MOBILE, "09812345678")
                            .build()),
                    StandardCharsets.UTF_8)
                + ", {\"source_record_id\": \"BAD\", \"age\": 150}, 7]")
            .getBytes(StandardCharsets.UTF_8);
    Instant posted = Instant.now();
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
            "mh-state",
            "mh-demo");
    assertEquals(200, post.statusCode(), post.body());
    JsonNode answer = JSON.readTree(post.body());
    assertEquals(1, answer.get("accepted").asInt());
    assertEquals(2, answer.get("rejected").asInt());
    String personId = answer.get("results").get(0).get("personId").asText();
    assertTrue(personId.matches("[0-9A-Z]{5}-[0-9A-Z]{5}"), personId);
    JsonNode badErrors = answer.get("results").get(1).get("errors");
    assertTrue(
        badErrors.toString().contains("AGE_OUT_OF_RANGE")
            && badErrors.toString().contains("REQUIRED"));
    assertEquals(
        "MALFORMED_MESSAGE",
        answer.get("results").get(2).get("errors").get(0).get("code").asText());

    JsonNode found = null;
    while (found == null && Duration.between(posted, Instant.now()).toSeconds() < 120) {
      JsonNode r =
          JSON.readTree(get("/api/v1/persons?mobile=9812345678", "health", "health-demo").body());
      if (r.get("count").asInt() > 0) {
        found = r.get("persons").get(0);
      } else {
        Thread.sleep(200);
      }
    }
    long freshnessMillis = Duration.between(posted, Instant.now()).toMillis();
    System.out.println(
        "freshness: registration findable " + freshnessMillis + " ms after the POST");
    assertTrue(found != null, "not findable within 120 s");
    assertEquals(
        personId, found.get("personId").asText(), "the API's ID is the one the warehouse kept");
    assertEquals("+919812345678", found.get("mobile").asText());
    assertEquals(RegistrationFixtures.AADHAAR.substring(8), found.get("aadhaarLast4").asText());
    assertFalse(found.has("aadhaarToken"));

    // Re-sending the same record keeps its ID.
    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
            "mh-state",
            "mh-demo");
    assertEquals(
        personId, JSON.readTree(again.body()).get("results").get(0).get("personId").asText());

    JsonNode byId =
        JSON.readTree(
            get("/api/v1/persons/" + personId.toLowerCase().replace("-", ""), "up-state", "up-demo")
                .body());
    assertEquals("Ram Kumar", byId.get("name").asText());
    JsonNode ministry =
        JSON.readTree(get("/api/v1/persons/" + personId, "ministry", "ministry-demo").body());
    assertEquals("+91XXXXXX5678", ministry.get("mobile").asText());
    HttpResponse<String> outside = get("/api/v1/persons/" + personId, "br-state", "br-demo");
    assertEquals(404, outside.statusCode());
    assertEquals("PERSON_NOT_FOUND", JSON.readTree(outside.body()).get("code").asText());

    // The flows count the registration, and only for those whose jurisdiction it touches.
    platform.awaitFlowsCaughtUp();
    JsonNode flows =
        json(get("/api/v1/flows?level=district&origin_state=27", "mh-state", "mh-demo"));
    assertTrue(
        flows
            .get("flows")
            .toString()
            .contains(
                "\"originDistrictCode\":490,\"destinationStateCode\":9,"
                    + "\"destinationDistrictCode\":148"),
        flows.toString());
    JsonNode bihar =
        json(
            get(
                "/api/v1/flows?level=state&origin_state=27&destination_state=9",
                "br-state",
                "br-demo"));
    assertEquals(0, bihar.get("registrations").asLong(), "Bihar sees no Maharashtra-UP flow");
    assertEquals(400, get("/api/v1/flows?level=block", "ministry", "ministry-demo").statusCode());

    String audit;
    try (var files = Files.list(DATA_DIR.resolve("audit"))) {
      audit = files.map(ReportingApiIT::read).collect(Collectors.joining());
    }
    assertTrue(
        audit.contains("\"username\":\"br-state\"") && audit.contains("\"outcome\":\"NOT_FOUND\""),
        audit);
    assertFalse(audit.contains("9812345678"), "the audit trail masks mobile numbers");
    platform.awaitAuditLanded();
    long landed =
        platform
            .spark()
            .sql(
                "SELECT * FROM delta.`"
                    + platform.warehouse().root()
                    + "/audit_log`"
                    + " WHERE username = 'br-state' AND endpoint = 'persons.by-id' AND outcome = 'NOT_FOUND'")
            .count();
    assertEquals(1, landed, "the audit event reached the audit_log table once");
  }

  @Test
  void errorsAreProblemBodiesWithACode() throws Exception {
    HttpResponse<String> anonymous = get("/api/v1/persons?mobile=9812345678", null, null);
    assertEquals(401, anonymous.statusCode());
    assertEquals("UNAUTHENTICATED", JSON.readTree(anonymous.body()).get("code").asText());

    HttpResponse<String> badMobile = get("/api/v1/persons?mobile=12345", "health", "health-demo");
    assertEquals(400, badMobile.statusCode());
    assertEquals("INVALID_MOBILE", JSON.readTree(badMobile.body()).get("code").asText());

    HttpResponse<String> notAnArray =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":")),
            "mh-state",
            "mh-demo");
    assertEquals(400, notAnArray.statusCode());
    assertEquals("INVALID_BODY", JSON.readTree(notAnArray.body()).get("code").asText());

    HttpResponse<String> wrongRole =
        send(
            HttpRequest.newBuilder(uri("/api/v1/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[]")),
            "health",
            "health-demo");
    assertEquals(403, wrongRole.statusCode());

    HttpResponse<String> districts = get("/api/v1/reference/districts?state=27", null, null);
    assertEquals(200, districts.statusCode());
    assertTrue(districts.body().contains("\"Pune\""));
    assertEquals(404, get("/api/v1/reference/districts?state=99", null, null).statusCode());
    assertEquals(36, JSON.readTree(get("/api/v1/reference/states", null, null).body()).size());
  }
}
