package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * The return forecast through the service: a run on Spark over the warehouse's registrations,
 * served per corridor under the policy, in JSON and CSV, and in governed SQL.
 */
class ForecastIT extends ApiTestBase {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Kolkata"));

  @Test
  void registeredTravellersShowInTheForecastOfTheirCorridorForThoseWhoMaySeeIt() throws Exception {
    List<String> ids =
        registerAs(
            "mh-state",
            "mh-demo",
            RegistrationFixtures.ramFromPuneToGorakhpur()
                .set(Field.SOURCE_STATE_CODE, (String) null)
                .set(Field.SOURCE_RECORD_ID, "FCT-1")
                .set(Field.MOBILE, "7200000001")
                .set(Field.AADHAAR, null)
                .set(Field.PERSONS_ACCOMPANYING, "3")
                .set(Field.TRAVEL_DATE, TRAVEL.toString())
                .build());
    // Uttar Pradesh accepts them with 100 quarantine places, all for Gorakhpur.
    manifestTrain(ids, "05916");
    platform.awaitFlowsCaughtUp();
    platform.awaitMovementLanded();

    HttpResponse<String> refused = post("/api/v1/forecasts/run", "{}", "health", "health-demo");
    assertEquals(403, refused.statusCode(), refused.body());
    HttpResponse<String> ran =
        post(
            "/api/v1/forecasts/run", "{\"as_of\": \"" + TODAY + "\"}", "ministry", "ministry-demo");
    assertEquals(200, ran.statusCode(), ran.body());
    assertTrue(json(ran).get("rows").asInt() > 0, ran.body());
    assertTrue(json(ran).get("quarantine_rows").asInt() > 0, ran.body());

    JsonNode up =
        json(
            get(
                "/api/v1/forecasts/returns?origin_state=27&destination_state=9&days=3",
                "up-state",
                "up-demo"));
    assertEquals(TODAY.toString(), up.get("as_of").asText());
    assertEquals(1728, up.get("seats_per_train").asInt());
    JsonNode tomorrow = null;
    for (JsonNode r : up.get("forecasts")) {
      assertTrue(r.get("horizon").asInt() <= 3, r.toString());
      if (r.get("travel_date").asText().equals(TRAVEL.toString())) {
        tomorrow = r;
      }
    }
    assertTrue(tomorrow != null, up.toString());
    assertTrue(tomorrow.get("registered").asDouble() >= 4, "the 4 travellers: " + tomorrow);
    double expected = tomorrow.get("expected").asDouble();
    assertTrue(expected >= tomorrow.get("registered").asDouble(), tomorrow.toString());
    assertTrue(tomorrow.get("low_95").asDouble() <= expected, tomorrow.toString());
    assertTrue(tomorrow.get("high_95").asDouble() >= tomorrow.get("high_80").asDouble());
    assertEquals(
        Math.round(Math.max(0, expected - tomorrow.get("booked").asDouble()) / 1728),
        tomorrow.get("trains_needed").asInt(),
        tomorrow.toString());
    assertEquals("Uttar Pradesh", tomorrow.get("destination_state").asText());
    assertTrue(up.get("backtest").isArray());

    // Bihar neither sends nor receives on this corridor: it sees none of it.
    JsonNode bihar =
        json(
            get(
                "/api/v1/forecasts/returns?origin_state=27&destination_state=9",
                "br-state",
                "br-demo"));
    assertEquals(0, bihar.get("count").asInt(), bihar.toString());
    String csv =
        get("/api/v1/forecasts/returns?origin_state=27&format=csv", "ministry", "ministry-demo")
            .body();
    assertTrue(csv.startsWith("origin_state_code,origin_state,destination_state_code,"), csv);
    assertTrue(csv.contains(",Uttar Pradesh,"), csv);
    HttpResponse<String> badFormat =
        get("/api/v1/forecasts/returns?format=pdf", "ministry", "ministry-demo");
    assertEquals(400, badFormat.statusCode(), badFormat.body());

    // The quarantine plan: Gorakhpur's places and the people expected there, for Uttar Pradesh.
    JsonNode plan =
        json(get("/api/v1/forecasts/quarantine?district=148&days=3", "up-state", "up-demo"));
    assertEquals(14, plan.get("quarantine_days").asInt());
    assertEquals(3, plan.get("count").asInt(), plan.toString());
    JsonNode travelDay = null;
    for (JsonNode q : plan.get("plan")) {
      assertEquals("Gorakhpur", q.get("destination_district").asText());
      assertTrue(q.get("declared_places").asDouble() >= 100, q.toString());
      assertEquals(
          Math.max(
              0, q.get("expected_in_quarantine").asDouble() - q.get("declared_places").asDouble()),
          q.get("shortfall").asDouble(),
          0.11,
          q.toString());
      assertEquals(
          q.get("shortfall").asDouble() >= 0.5, q.get("overloaded").asBoolean(), q.toString());
      if (q.get("plan_date").asText().equals(TRAVEL.toString())) {
        travelDay = q;
      }
    }
    assertTrue(travelDay != null, plan.toString());
    assertTrue(travelDay.get("expected_in_quarantine").asDouble() >= 4, travelDay.toString());
    // Maharashtra and Bihar receive nobody in Gorakhpur: they see none of its plan.
    for (String[] other : new String[][] {{"mh-state", "mh-demo"}, {"br-state", "br-demo"}}) {
      JsonNode none = json(get("/api/v1/forecasts/quarantine?district=148", other[0], other[1]));
      assertEquals(0, none.get("count").asInt(), none.toString());
    }
    String planCsv =
        get(
                "/api/v1/forecasts/quarantine?destination_state=9&format=csv",
                "ministry",
                "ministry-demo")
            .body();
    assertTrue(planCsv.startsWith("destination_state_code,destination_state,"), planCsv);
    assertTrue(planCsv.contains(",Gorakhpur,"), planCsv);
    HttpResponse<String> planSql =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(
                Map.of(
                    "sql",
                    "SELECT count(*) FROM quarantine_plan WHERE as_of = DATE '"
                        + TODAY
                        + "' AND destination_district_code = 148",
                    "format",
                    "json")),
            "up-state",
            "up-demo");
    assertEquals(200, planSql.statusCode(), planSql.body());
    assertEquals(28, json(planSql).get("rows").get(0).get(0).asInt(), planSql.body());

    HttpResponse<String> sql =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(
                Map.of(
                    "sql",
                    "SELECT sum(registered) FROM return_forecast WHERE as_of = DATE '"
                        + TODAY
                        + "' AND origin_state_code = 27 AND destination_state_code = 9"
                        + " AND destination_district_code IS NULL AND travel_date = DATE '"
                        + TRAVEL
                        + "'",
                    "format",
                    "json")),
            "mh-state",
            "mh-demo");
    assertEquals(200, sql.statusCode(), sql.body());
    assertEquals(
        tomorrow.get("registered").asDouble(),
        json(sql).get("rows").get(0).get(0).asDouble(),
        0.1,
        sql.body());
  }
}
