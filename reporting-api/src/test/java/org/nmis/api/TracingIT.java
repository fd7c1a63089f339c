package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * Contact tracing over HTTP on a train manifested through the movement API: the contacts per level are exactly
 * those the manifest's seating implies; only HEALTH may trace, always with a purpose, within a rate limit, and
 * every call is audited; a bulk job lists exposed people once and reports unknown numbers.
 */
class TracingIT extends ApiTestBase {
  private static final LocalDate TRAVEL = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1);

  @Test
  void contactsFollowTheSeatingAndEveryCallIsGovernedAndAudited() throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (int i = 1; i <= 12; i++) {
      body.append(i > 1 ? "," : "").append(new String(RegistrationJson.write(RegistrationFixtures
          .ramFromPuneToGorakhpur().set(Field.SOURCE_STATE_CODE, (String) null).set(Field.AADHAAR, null)
          .set(Field.SOURCE_RECORD_ID, "MH-TRC-" + i).set(Field.MOBILE, String.valueOf(8000000000L + i))
          .set(Field.PERSONS_ACCOMPANYING, "0").set(Field.GROUP_REF, null).build()), StandardCharsets.UTF_8));
    }
    JsonNode posted = json(post("/api/v1/registrations", body.append("]").toString(), "mh-state", "mh-demo"));
    List<String> ids = new ArrayList<>();
    posted.get("results").forEach(r -> ids.add(r.get("personId").asText()));
    platform.awaitCaughtUp();

    String id = json(post("/api/v1/movement/requests", "{\"destination_state_code\": 9, \"passengers\": "
        + JSON.writeValueAsString(ids) + ", \"proposed_date\": \"" + TRAVEL + "\", \"origin_station\": \"PUNE\"}",
        "mh-state", "mh-demo")).get("request_id").asText();
    assertEquals(200, post(path(id, "submit"), "{}", "mh-state", "mh-demo").statusCode());
    assertEquals(200, post(path(id, "accept"), "{\"quarantine_capacity\": 100, \"noc_number\": \"UP/NOC/9\"}",
        "up-state", "up-demo").statusCode());
    assertEquals(200, post(path(id, "book"), "{\"train_number\": \"04321\", \"date\": \"" + TRAVEL + "\","
        + " \"origin_station\": \"PUNE\", \"destination_station\": \"GKP\", \"middle_berths_empty\": false}",
        "railways", "railways-demo").statusCode());
    assertEquals(200, post(path(id, "manifest"), "{}", "railways", "railways-demo").statusCode());

    // Where everyone sits, and so what each level must hold for the first passenger.
    Map<String, String> seat = new HashMap<>();
    for (JsonNode coach : json(get("/api/v1/movement/requests/" + id + "/manifest", "railways", "railways-demo"))
        .get("coaches")) {
      for (JsonNode b : coach.get("berths")) {
        seat.put(b.get("traveller").asText(), coach.get("coach").asText() + "/" + ((b.get("berth").asInt() - 1) / 8));
      }
    }
    String index = ids.get(0);
    int sameBay = 0;
    int sameCoach = 0;
    int sameTrain = 0;
    for (String other : ids.subList(1, ids.size())) {
      String[] mine = seat.get(index).split("/");
      String[] theirs = seat.get(other).split("/");
      if (!mine[0].equals(theirs[0])) {
        sameTrain++;
      } else if (mine[1].equals(theirs[1])) {
        sameBay++;
      } else {
        sameCoach++;
      }
    }

    String contactsPath = "/api/v1/tracing/persons/" + index + "/contacts?purpose=CASE-2020-0517";
    HttpResponse<String> asked = get(contactsPath, "health", "health-demo");
    assertEquals(200, asked.statusCode(), asked.body());
    JsonNode report = json(asked);
    Map<String, Integer> counts = new HashMap<>();
    report.get("counts").forEach(c -> counts.put(c.get("level").asText(), c.get("contacts").asInt()));
    assertEquals(sameBay, counts.get("SAME_BAY"), report.get("counts").toString());
    assertEquals(sameCoach, counts.get("SAME_COACH"));
    assertEquals(sameTrain, counts.get("SAME_TRAIN"));
    assertEquals(11, report.get("contacts").size(), "every co-traveller once");
    assertTrue(report.toString().contains("+918000000002"), "HEALTH sees mobiles in full");

    assertEquals(403, get(contactsPath, "mh-state", "mh-demo").statusCode(), "only HEALTH traces");
    HttpResponse<String> noPurpose = get("/api/v1/tracing/persons/" + index + "/contacts", "health", "health-demo");
    assertEquals(400, noPurpose.statusCode());
    assertEquals("NMIS-TRC-014", json(noPurpose).get("code").asText());
    JsonNode byMobile = json(get("/api/v1/tracing/persons?mobile=8000000001&purpose=CASE-2020-0517", "health",
        "health-demo"));
    assertTrue(byMobile.toString().contains("04321"), "the journey shows the train: " + byMobile);

    JsonNode job = json(post("/api/v1/tracing/bulk", "{\"index_cases\": [\"8000000001\", \"9999999999\","
        + " \"not-a-number\"], \"purpose\": \"CLUSTER-7\"}", "health", "health-demo"));
    String jobId = job.get("job_id").asText();
    JsonNode status = job;
    for (int i = 0; i < 100 && status.get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(200);
      status = json(get("/api/v1/tracing/bulk/" + jobId, "health", "health-demo"));
    }
    assertEquals("DONE", status.get("state").asText(), status.toString());
    assertEquals(11, status.get("exposed_persons").asInt(), "each exposed person once");
    assertEquals(2, status.get("unresolved").asInt(), "unknown and malformed inputs are reported");
    String csv = get("/api/v1/tracing/bulk/" + jobId + "/result", "health", "health-demo").body();
    for (String other : ids.subList(1, ids.size())) {
      assertEquals(1, csv.split(other, -1).length - 1, other + " listed once");
    }

    platform.awaitAuditLanded();
    long audited = platform.spark().sql("SELECT * FROM delta.`" + platform.warehouse().root() + "/audit_log`"
        + " WHERE username = 'health' AND endpoint LIKE 'tracing.%' AND parameters LIKE '%CASE-2020-0517%'").count();
    assertTrue(audited >= 2, "every tracing call leaves an audit row with its purpose: " + audited);

    int refused = 0;
    for (int i = 0; i < 130 && refused == 0; i++) {
      refused = get(contactsPath, "health", "health-demo").statusCode() == 429 ? 1 : 0;
    }
    assertEquals(1, refused, "the rate limit answers 429");
  }

  private static String path(String id, String action) {
    return "/api/v1/movement/requests/" + id + "/" + action;
  }
}
