package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.nmis.ingestion.kafka.KafkaLog;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.movement.epass.EPassIssuer;
import org.nmis.movement.epass.EPassVerifier;
import org.nmis.movement.request.Escalation;
import org.nmis.movement.service.MovementService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One movement request walked through every state to ARRIVED with the demo users, over HTTP, with
 * the refusals on the way (wrong role, wrong state, racing decisions, a train dated before the
 * decision); then the movement tables show each step with its actor and time, the e-passes verify,
 * a cancelled request's passes are revoked, and a service rebuilt from the movement log sees the
 * same requests.
 */
class MovementWorkflowIT extends ApiTestBase {

  @Autowired MovementService service;
  @Autowired KafkaLog movementLog;
  @Autowired RegistrationIndex index;
  @Autowired java.security.KeyPair epassKeys;

  @Test
  void aRequestGoesFromDraftToArrivedAndEveryStepLandsInTheWarehouse() throws Exception {
    List<String> family =
        register(
            person("MH-MOV-1", "Shanti Devi", "67", "F", "9000000001", "2", "MOV-FAM-1"),
            person("MH-MOV-2", "Mohan Lal", "31", "M", "9000000002", "0", "MOV-FAM-1"),
            person("MH-MOV-3", "Guddu", "8", "M", "9000000003", "0", "MOV-FAM-1"));

    // Today: a train departs and arrives only on or after its date, and this one goes all the way.
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Kolkata"));
    JsonNode created =
        json(
            post(
                "/api/v1/movement/requests",
                "{\"destination_state_code\": 9, \"passengers\": "
                    + JSON.writeValueAsString(family)
                    + ", \"proposed_date\": \""
                    + today
                    + "\", \"mode\": \"TRAIN\","
                    + " \"origin_station\": \"PUNE\", \"reason\": \"families stranded in Pune\"}",
                "mh-state",
                "mh-demo"));
    String id = created.get("request_id").asText();
    assertTrue(id.matches("MR-[0-9A-Z]{5}-[0-9A-Z]{5}"), created.toString());
    assertEquals("DRAFT", created.get("status").asText());

    assertProblem(act(id, "submit", "{}", "up-state", "up-demo"), 403, "NMIS-MOV-");
    assertEquals(
        "SUBMITTED", json(act(id, "submit", "{}", "mh-state", "mh-demo")).get("status").asText());
    assertProblem(act(id, "depart", "{}", "railways", "railways-demo"), 409, "NMIS-MOV-003");
    assertProblem(act(id, "accept", accept(2), "mh-state", "mh-demo"), 403, "NMIS-MOV-");

    // Two decisions race on the same version: exactly one wins, the other gets 409 with the current
    // state.
    CompletableFuture<HttpResponse<String>> a =
        CompletableFuture.supplyAsync(() -> call(id, "accept", accept(2)));
    CompletableFuture<HttpResponse<String>> b =
        CompletableFuture.supplyAsync(() -> call(id, "accept", accept(2)));
    List<HttpResponse<String>> answers = new ArrayList<>(List.of(a.get(), b.get()));
    answers.sort(java.util.Comparator.comparingInt(HttpResponse::statusCode));
    assertEquals(200, answers.get(0).statusCode(), answers.get(0).body());
    assertProblem(answers.get(1), 409, "NMIS-MOV-004");
    assertTrue(answers.get(1).body().contains("ACCEPTED"), "the loser is told the current state");
    assertEquals(
        "ACCEPTED",
        json(get("/api/v1/movement/requests/" + id, "up-state", "up-demo")).get("status").asText());

    assertProblem(book(id, today.minusDays(1), "railways", "railways-demo"), 400, "NMIS-MOV-020");
    assertProblem(book(id, today, "mh-state", "mh-demo"), 403, "NMIS-MOV-");
    assertEquals(
        "TRAIN_BOOKED", json(book(id, today, "railways", "railways-demo")).get("status").asText());
    JsonNode manifested = json(act(id, "manifest", "{}", "railways", "railways-demo"));
    assertEquals("MANIFESTED", manifested.get("status").asText());
    assertEquals(
        5, manifested.get("manifest").get("placed").asInt(), "3 registrants and 2 accompanying");

    JsonNode manifest =
        json(get("/api/v1/movement/requests/" + id + "/manifest", "railways", "railways-demo"));
    List<JsonNode> used = new ArrayList<>();
    manifest
        .get("coaches")
        .forEach(
            c -> {
              if (c.get("occupied").asInt() > 0) {
                used.add(c);
              }
            });
    assertEquals(24, manifest.get("coaches").size());
    assertEquals(1, used.size(), "a group travels in one coach");
    JsonNode coach = used.get(0);
    assertEquals(5, coach.get("occupied").asInt());
    assertTrue(coach.toString().contains("Shanti Devi"));
    for (JsonNode berth : coach.get("berths")) {
      if (berth.get("traveller").asText().equals(family.get(0))
          || berth.get("traveller").asText().equals(family.get(2))) {
        assertTrue(
            List.of("LB", "SL").contains(berth.get("berth_type").asText()),
            "elderly and child: " + berth);
      }
    }
    JsonNode ministryView =
        json(get("/api/v1/movement/requests/" + id + "/manifest", "ministry", "ministry-demo"));
    assertFalse(ministryView.toString().contains("Shanti Devi"), "MINISTRY sees counts, not names");
    String csv =
        get("/api/v1/movement/requests/" + id + "/manifest?format=csv", "up-state", "up-demo")
            .body();
    assertTrue(csv.startsWith("coach,berth,berth_type") && csv.contains("Mohan Lal"), csv);

    JsonNode passes = json(get("/api/v1/epasses/" + family.get(0), "mh-state", "mh-demo"));
    assertEquals(3, passes.size(), "the registrant and the two travelling with her");
    String token = passes.get(0).get("token").asText();
    JsonNode verified =
        json(post("/api/v1/epasses/verify", "{\"token\": \"" + token + "\"}", null, null));
    assertEquals("VALID", verified.get("status").asText(), verified.toString());
    assertTrue(
        get("/api/v1/epasses/public-key", null, null).body().contains("\"crv\":\"Ed25519\""));
    String forged =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertEquals(
        "INVALID",
        json(post("/api/v1/epasses/verify", "{\"token\": \"" + forged + "\"}", null, null))
            .get("status")
            .asText());

    assertEquals(
        "DEPARTED",
        json(act(id, "depart", "{}", "railways", "railways-demo")).get("status").asText());
    JsonNode arrived =
        json(act(id, "arrive", "{\"reason\": \"reached Gorakhpur\"}", "up-state", "up-demo"));
    assertEquals("ARRIVED", arrived.get("status").asText());
    assertEquals(
        List.of(
            "CREATED",
            "DRAFT",
            "SUBMITTED",
            "ACCEPTED",
            "TRAIN_BOOKED",
            "MANIFESTED",
            "DEPARTED",
            "ARRIVED"),
        fieldNames(arrived.get("timeline")));
    // Having arrived, they have travelled today: no second train for them today.
    String again =
        json(post(
                "/api/v1/movement/requests",
                "{\"destination_state_code\": 9, \"passengers\": ["
                    + JSON.writeValueAsString(family.get(1))
                    + "], \"proposed_date\": \""
                    + today
                    + "\", \"origin_station\":"
                    + " \"PUNE\"}",
                "mh-state",
                "mh-demo"))
            .get("request_id")
            .asText();
    act(again, "submit", "{}", "mh-state", "mh-demo");
    assertEquals(200, act(again, "accept", accept(2), "up-state", "up-demo").statusCode());
    assertProblem(book(again, today, "railways", "railways-demo"), 409, "NMIS-MOV-005");

    String[] cancelled = cancelledRequestsPass();
    assertEquals(
        "REVOKED",
        json(post("/api/v1/epasses/verify", "{\"token\": \"" + cancelled[1] + "\"}", null, null))
            .get("reason")
            .asText());

    platform.awaitMovementLanded();
    List<String> steps =
        sql(
            "SELECT concat(seq, ':', action, ':', to_status, ':', split(actor, ':')[0], ':',"
                + " CAST(at IS NOT NULL AS STRING)) FROM request_events WHERE request_id = '"
                + id
                + "' ORDER BY seq");
    assertEquals(
        List.of(
            "1:CREATE:DRAFT:mh-state:true",
            "2:SUBMIT:SUBMITTED:mh-state:true",
            "3:ACCEPT:ACCEPTED:up-state:true",
            "4:BOOK_TRAIN:TRAIN_BOOKED:railways:true",
            "5:MANIFEST:MANIFESTED:railways:true",
            "6:DEPART:DEPARTED:railways:true",
            "7:ARRIVE:ARRIVED:up-state:true"),
        steps);
    assertEquals(
        List.of("ARRIVED:7:5:true"),
        sql(
            "SELECT concat(status, ':', version, ':', persons, ':',"
                + " CAST(decided_at <= departed_at AND departed_at <= arrived_at AS STRING)) FROM movement_requests"
                + " WHERE request_id = '"
                + id
                + "'"));
    assertEquals(
        List.of("5"),
        sql(
            "SELECT CAST(count(*) AS STRING) FROM manifests WHERE request_id = '"
                + id
                + "' AND seat_status = 'SEATED'"));
    assertEquals(
        List.of("01901:1728"),
        sql(
            "SELECT concat(train_number, ':', capacity) FROM trains"
                + " WHERE request_id = '"
                + id
                + "'"));
    assertEquals(
        List.of("REVOKED"),
        sql("SELECT DISTINCT status FROM epasses WHERE request_id = '" + cancelled[0] + "'"));

    // Nothing is lost on a restart: a service rebuilt from the movement log alone sees the same
    // requests.
    MovementService rebuilt =
        new MovementService(
            movementLog,
            index,
            ReferenceData.get(),
            Clock.systemUTC(),
            RequestId.scheme(RegistrationFixtures.TEST_ID_KEY, 0),
            new EPassIssuer(epassKeys.getPrivate(), Clock.systemUTC()),
            new EPassVerifier(epassKeys.getPublic()),
            new Escalation());
    rebuilt.recover();
    RequestId rid = RequestId.parse(id).orElseThrow();
    assertEquals(service.get(rid), rebuilt.get(rid));
    assertEquals(
        service.manifestOf(rid).orElseThrow().lines().stream()
            .map(l -> l.coach() + "/" + l.berth())
            .toList(),
        rebuilt.manifestOf(rid).orElseThrow().lines().stream()
            .map(l -> l.coach() + "/" + l.berth())
            .toList());
    assertEquals(
        service.passesOf(new org.nmis.model.ids.PersonId(family.get(0))),
        rebuilt.passesOf(new org.nmis.model.ids.PersonId(family.get(0))));
    assertEquals(service.all().size(), rebuilt.all().size());
  }

  /**
   * A second request for another person, manifested and then cancelled; returns its ID and the pass
   * it had.
   */
  private String[] cancelledRequestsPass() throws Exception {
    List<String> single = register(person("MH-MOV-4", "Rekha", "40", "F", "9000000004", "0", null));
    String id =
        json(post(
                "/api/v1/movement/requests",
                "{\"destination_state_code\": 9, \"passengers\": "
                    + JSON.writeValueAsString(single)
                    + ", \"proposed_date\": \""
                    + TRAVEL
                    + "\", \"origin_station\": \"PUNE\"}",
                "mh-state",
                "mh-demo"))
            .get("request_id")
            .asText();
    act(id, "submit", "{}", "mh-state", "mh-demo");
    assertEquals(200, act(id, "accept", accept(2), "up-state", "up-demo").statusCode());
    assertEquals(200, book(id, TRAVEL, "railways", "railways-demo").statusCode());
    assertEquals(200, act(id, "manifest", "{}", "mh-state", "mh-demo").statusCode());
    String token =
        json(get("/api/v1/epasses/" + single.get(0), "up-state", "up-demo"))
            .get(0)
            .get("token")
            .asText();
    assertProblem(act(id, "depart", "{}", "railways", "railways-demo"), 409, "NMIS-MOV-026");
    assertProblem(act(id, "cancel", "{}", "mh-state", "mh-demo"), 400, "NMIS-MOV-015");
    assertEquals(
        "CANCELLED",
        json(act(id, "cancel", "{\"reason\": \"train withdrawn\"}", "mh-state", "mh-demo"))
            .get("status")
            .asText());
    return new String[] {id, token};
  }

  private static RegistrationInput person(
      String recordId,
      String name,
      String age,
      String gender,
      String mobile,
      String accompanying,
      String group) {
    return RegistrationFixtures.ramFromPuneToGorakhpur()
        .set(Field.SOURCE_STATE_CODE, (String) null)
        .set(Field.AADHAAR, null)
        .set(Field.SOURCE_RECORD_ID, recordId)
        .set(Field.NAME, name)
        .set(Field.AGE, age)
        .set(Field.GENDER, gender)
        .set(Field.MOBILE, mobile)
        .set(Field.PERSONS_ACCOMPANYING, accompanying)
        .set(Field.GROUP_REF, group)
        .build();
  }

  private static String accept(long expectedVersion) {
    return "{\"quarantine_capacity\": 500, \"facility_notes\": \"school buildings, Gorakhpur\", \"noc_number\":"
        + " \"UP/NOC/2020/117\", \"expected_version\": "
        + expectedVersion
        + "}";
  }

  private HttpResponse<String> act(
      String id, String action, String body, String user, String password) throws Exception {
    return post("/api/v1/movement/requests/" + id + "/" + action, body, user, password);
  }

  private HttpResponse<String> call(String id, String action, String body) {
    try {
      return act(id, action, body, "up-state", "up-demo");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> book(String id, LocalDate date, String user, String password)
      throws Exception {
    return act(
        id,
        "book",
        "{\"train_number\": \"01901\", \"date\": \""
            + date
            + "\", \"origin_station\": \"PUNE\","
            + " \"destination_station\": \"GKP\", \"rake\": {\"SL_ICF\": 24}, \"middle_berths_empty\": false}",
        user,
        password);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String codePrefix)
      throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    JsonNode problem = json(response);
    assertTrue(problem.get("code").asText().startsWith(codePrefix), response.body());
    assertNotNull(problem.get("detail"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private List<String> sql(String query) {
    String resolved =
        query.replaceAll("FROM (\\w+)", "FROM delta.`" + platform.warehouse().root() + "/$1`");
    return platform.spark().sql(resolved).collectAsList().stream()
        .map((Row r) -> r.getString(0))
        .toList();
  }
}
