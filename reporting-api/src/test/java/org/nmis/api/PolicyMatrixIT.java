package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.model.access.Role.AUDITOR;
import static org.nmis.model.access.Role.DISTRICT;
import static org.nmis.model.access.Role.HEALTH;
import static org.nmis.model.access.Role.MINISTRY;
import static org.nmis.model.access.Role.RAILWAYS;
import static org.nmis.model.access.Role.STATE;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nmis.api.uploads.UploadJobs;
import org.nmis.governance.policy.AccessPolicies;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.governance.policy.Mask;
import org.nmis.governance.policy.TableRule;
import org.nmis.model.access.Role;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.uploads.testing.UploadSamples;

/**
 * The access policy over HTTP: for every endpoint that returns personal data and every demo user,
 * with a subject inside and one outside the user's jurisdiction, the keys and values that come back
 * are those the policy table (AccessPolicies.standard) allows that role, and nothing anywhere
 * carries the Aadhaar token.
 */
class PolicyMatrixIT extends ApiTestBase {
  private static final AccessPolicy POLICY = AccessPolicies.standard();
  private static final String AADHAAR_TOKEN =
      RegistrationFixtures.tokenizer().token(RegistrationFixtures.AADHAAR);

  /** Keys that must never appear in any answer, whatever the role. */
  private static final Set<String> NEVER =
      Set.of(
          "aadhaar_token",
          "aadhaarToken",
          "content_hash",
          "contentHash",
          "aadhaar",
          "kafka_offset",
          "kafkaOffset");

  /**
   * A demo user and what the subjects are to them: whether they see the subject, the outsider, and
   * the request that Maharashtra made for the subject (a district sees only the requests its own
   * district made).
   */
  private record User(
      String name,
      String password,
      Role role,
      boolean seesSubject,
      boolean seesOutsider,
      boolean seesRequest) {}

  /**
   * Subject: Maharashtra (Pune) to Uttar Pradesh. Outsider: Delhi to Bihar, registered by Bihar.
   */
  private static final List<User> USERS =
      List.of(
          new User("ministry", "ministry-demo", MINISTRY, true, true, true),
          new User("up-state", "up-demo", STATE, true, false, true),
          new User("mh-state", "mh-demo", STATE, true, false, true),
          new User("br-state", "br-demo", STATE, false, true, false),
          new User("pune-district", "pune-demo", DISTRICT, true, false, false),
          new User("railways", "railways-demo", RAILWAYS, true, true, true),
          new User("health", "health-demo", HEALTH, true, true, true),
          new User("auditor", "auditor-demo", AUDITOR, true, true, true));

  /** The demo STATE users' states, as application.yml gives them. */
  private static final Map<String, Integer> STATE_OF =
      Map.of("up-state", 9, "mh-state", 27, "br-state", 10);

  @Test
  void everyPersonalDataEndpointAnswersEachRoleWhatThePolicyAllows() throws Exception {
    List<String> train =
        registerTwoTravellers("MH-POL-", "7000000101", "7000000102", "Sunita Devi");
    String subject = train.get(0);
    String outsider =
        registerAs(
                "br-state",
                "br-demo",
                RegistrationFixtures.sitaFromPuneToPatna()
                    .set(Field.SOURCE_STATE_CODE, (String) null)
                    .set(Field.SOURCE_RECORD_ID, "BR-POL-1")
                    .set(Field.ORIGIN_STATE_CODE, "7")
                    .set(Field.ORIGIN_DISTRICT_CODE, "77")
                    .set(Field.MOBILE, "7000000103")
                    .build())
            .get(0);
    String request = manifestTrain(train, "04999");
    platform.awaitFlowsCaughtUp();

    for (User u : USERS) {
      String who = u.name() + ": ";
      // Flows are counts, but only of journeys that touch the caller's jurisdiction.
      JsonNode flows =
          checked(get("/api/v1/flows?level=district", u.name(), u.password()), 200, who);
      boolean outsiderFlow = false;
      for (JsonNode f : flows.get("flows")) {
        assertTrue(touches(u, f), who + "a flow outside the jurisdiction: " + f);
        outsiderFlow |=
            f.get("originDistrictCode").asInt() == 77
                && f.get("destinationDistrictCode").asInt() == 212;
      }
      assertEquals(u.seesOutsider(), outsiderFlow, who + "the outsider's flow");
      JsonNode daily = checked(get("/api/v1/flows/daily", u.name(), u.password()), 200, who);
      long visible = 0;
      for (JsonNode f : flows.get("flows")) {
        visible += f.get("persons").asLong();
      }
      assertEquals(
          visible, daily.get("persons").asLong(), who + "the daily totals are the visible flows'");
      // Lookups by person ID and by mobile.
      checkPerson(
          u,
          get("/api/v1/persons/" + subject, u.name(), u.password()),
          u.seesSubject(),
          who + "by ID");
      checkPerson(
          u,
          get("/api/v1/persons/" + outsider, u.name(), u.password()),
          u.seesOutsider(),
          who + "outsider by ID");
      JsonNode byMobile =
          checked(get("/api/v1/persons?mobile=7000000101", u.name(), u.password()), 200, who);
      assertEquals(u.seesSubject() ? 1 : 0, byMobile.get("persons").size(), who + byMobile);
      assertEquals(
          mask(u.role(), "mobile").apply("+917000000101"), textOrNull(byMobile.get("mobile")), who);
      byMobile.get("persons").forEach(p -> checkPersonBody(u, p, who + "by mobile"));

      // Contact tracing: HEALTH only, and the registration inside follows the policy like a lookup.
      String tracing = "/api/v1/tracing/persons?person_id=" + subject + "&purpose=POLICY-MATRIX";
      HttpResponse<String> traced = get(tracing, u.name(), u.password());
      String contacts = "/api/v1/tracing/persons/" + subject + "/contacts?purpose=POLICY-MATRIX";
      if (u.role() == HEALTH) {
        JsonNode person = checked(traced, 200, who).get("persons").get(0);
        assertEquals(subject, person.get("personId").asText(), who + "IDs are text: " + person);
        checkPersonBody(u, person.get("registration"), who + "tracing");
        JsonNode report = checked(get(contacts, u.name(), u.password()), 200, who);
        assertEquals(subject, report.get("indexCase").asText(), who + report);
        JsonNode contact = report.get("contacts").get(0);
        assertEquals(train.get(1), contact.get("personId").asText(), who + report);
        assertEquals("Sunita Devi", contact.get("name").asText(), who + report);
        assertEquals("+917000000102", contact.get("mobile").asText(), who + report);
        assertTrue(
            report.toString().contains("\"requestId\":\"" + request + "\""),
            who + "request IDs are text");
      } else {
        assertEquals(403, traced.statusCode(), who + traced.body());
        assertEquals(403, get(contacts, u.name(), u.password()).statusCode(), who);
      }

      // The movement request, its manifest and the e-passes on it.
      boolean seesRequest =
          POLICY.rule("movement_requests", u.role()).isPresent() && u.seesRequest();
      HttpResponse<String> r = get("/api/v1/movement/requests/" + request, u.name(), u.password());
      assertEquals(seesRequest ? 200 : 404, r.statusCode(), who + r.body());
      assertNoSecrets(r.body(), who);
      HttpResponse<String> manifest =
          get("/api/v1/movement/requests/" + request + "/manifest", u.name(), u.password());
      assertEquals(seesRequest ? 200 : 404, manifest.statusCode(), who + manifest.body());
      if (seesRequest) {
        checkManifest(u, json(manifest), who);
      }
      JsonNode passes =
          checked(get("/api/v1/epasses/" + subject, u.name(), u.password()), 200, who);
      boolean holdsPasses = POLICY.rule("epass_tokens", u.role()).isPresent() && u.seesRequest();
      assertEquals(holdsPasses ? 1 : 0, passes.size(), who + passes);
      passes.forEach(
          p ->
              assertEquals(
                  keys(
                      "epass_tokens",
                      u.role(),
                      Set.of(
                          "pass_id",
                          "traveller_id",
                          "request_id",
                          "train_number",
                          "date",
                          "coach",
                          "berth",
                          "valid_from",
                          "valid_until",
                          "status",
                          "revocation_reason",
                          "token")),
                  fieldNames(p),
                  who + p));
    }
  }

  /**
   * Every PDF for every demo user: the documents of a request go to those who see it, names only to
   * those the manifest rule shows them to, e-pass cards to those who hold passes, summaries as the
   * summary views say.
   */
  @Test
  void everyPdfAnswersEachRoleWhatThePolicyAllows() throws Exception {
    List<String> train = registerTwoTravellers("MH-PDFM-", "7000000201", "7000000202", "Asha Bai");
    String request = manifestTrain(train, "04998");
    String dates = "from=2020-05-01&to=2020-05-31";
    for (User u : USERS) {
      String who = u.name() + ": ";
      boolean seesRequest =
          POLICY.rule("movement_requests", u.role()).isPresent() && u.seesRequest();
      HttpResponse<byte[]> manifest =
          pdf("/api/v1/movement/requests/" + request + "/manifest.pdf", u);
      assertEquals(seesRequest ? 200 : 404, manifest.statusCode(), who);
      if (seesRequest) {
        String text = pdfText(manifest.body());
        boolean names = mask("manifest_lines", u.role(), "name") != Mask.HIDDEN;
        assertEquals(names, text.contains("Asha Bai"), who + "names on the manifest");
        assertTrue(text.contains(train.get(1)), who + "person IDs on the manifest");
      }
      HttpResponse<byte[]> noc = pdf("/api/v1/movement/requests/" + request + "/noc.pdf", u);
      assertEquals(seesRequest ? 200 : 404, noc.statusCode(), who);
      boolean holdsPasses = POLICY.rule("epass_tokens", u.role()).isPresent() && u.seesRequest();
      HttpResponse<byte[]> card = pdf("/api/v1/epasses/" + train.get(1) + ".pdf", u);
      assertEquals(holdsPasses ? 200 : 404, card.statusCode(), who);
      boolean stateSummary =
          u.role() == MINISTRY || (u.role() == STATE && STATE_OF.get(u.name()) == 27);
      assertEquals(
          stateSummary ? 200 : 403,
          pdf("/api/v1/reports/state-summary.pdf?state=27&" + dates, u).statusCode(),
          who);
      assertEquals(
          u.role() == MINISTRY ? 200 : 403,
          pdf("/api/v1/reports/national-summary.pdf?" + dates, u).statusCode(),
          who);
      for (HttpResponse<byte[]> r : List.of(manifest, noc, card)) {
        if (r.statusCode() == 200) {
          assertFalse(pdfText(r.body()).contains(AADHAAR_TOKEN), who + "no Aadhaar token");
        }
      }
    }
  }

  private HttpResponse<byte[]> pdf(String path, User u) throws Exception {
    return send(
        java.net.http.HttpRequest.newBuilder(uri(path)).GET(),
        u.name(),
        u.password(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String pdfText(byte[] pdf) throws java.io.IOException {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
  }

  @Test
  void uploadErrorReportsGoToTheUploadersStateAndDistrictOnly() throws Exception {
    // Row 7 of the samples is one the validator rejects: its report repeats the value as typed.
    String byState = uploaded("mh-state", "mh-demo", 7);
    String byPune = uploaded("pune-district", "pune-demo", 57);
    for (User u : USERS) {
      String who = u.name() + ": ";
      for (String id : List.of(byState, byPune)) {
        boolean visible =
            u.role() == STATE && STATE_OF.get(u.name()) == 27
                || u.name().equals("pune-district") && id.equals(byPune);
        int expected = visible ? 200 : u.role() == STATE || u.role() == DISTRICT ? 404 : 403;
        HttpResponse<String> status = get("/api/v1/uploads/" + id, u.name(), u.password());
        assertEquals(expected, status.statusCode(), who + status.body());
        HttpResponse<String> report =
            get("/api/v1/uploads/" + id + "/errors?format=json", u.name(), u.password());
        assertEquals(expected, report.statusCode(), who + report.body());
        assertNoSecrets(report.body(), who);
        if (!visible) {
          continue;
        }
        JsonNode lines = json(report);
        assertTrue(lines.size() > 0, who + "the rejected row is reported");
        for (JsonNode line : lines) {
          assertEquals(
              keys("upload_errors", u.role(), Set.copyOf(UploadJobs.ERROR_COLUMNS)),
              fieldNames(line),
              who + line);
        }
        String csv = get("/api/v1/uploads/" + id + "/errors", u.name(), u.password()).body();
        assertEquals(
            String.join(
                ",",
                UploadJobs.ERROR_COLUMNS.stream()
                    .filter(c -> mask("upload_errors", u.role(), c) != Mask.HIDDEN)
                    .toList()),
            csv.substring(0, csv.indexOf("\r\n")),
            who + "the CSV header names the columns the policy shows");
      }
    }
  }

  @Test
  void followUpListsGoToHealthOnlyWithWhatThePolicyShows() throws Exception {
    List<String> train =
        registerTwoTravellers("MH-POL-1", "7000000111", "7000000112", "Geeta Devi");
    manifestTrain(train, "04998");
    String body = "{\"index_cases\": [\"7000000111\"], \"purpose\": \"POLICY-MATRIX\"}";
    for (User u : USERS) {
      if (u.role() != HEALTH) {
        HttpResponse<String> refused = post("/api/v1/tracing/bulk", body, u.name(), u.password());
        assertEquals(403, refused.statusCode(), u.name() + ": " + refused.body());
      }
    }
    JsonNode job = checked(post("/api/v1/tracing/bulk", body, "health", "health-demo"), 202, "");
    String id = job.get("job_id").asText();
    for (int i = 0; i < 100 && job.get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(200);
      job = checked(get("/api/v1/tracing/bulk/" + id, "health", "health-demo"), 200, "");
    }
    String csv = get("/api/v1/tracing/bulk/" + id + "/result", "health", "health-demo").body();
    assertFalse(csv.contains(AADHAAR_TOKEN), "the Aadhaar token left the service: " + csv);
    String[] lines = csv.split("\r\n");
    List<String> header = List.of(lines[0].split(","));
    int name = header.indexOf("name");
    int mobile = header.indexOf("mobile");
    String contact =
        List.of(lines).stream().filter(l -> l.contains(train.get(1))).findFirst().orElseThrow();
    String[] cells = contact.split(",");
    assertEquals(
        mask("follow_up_lists", HEALTH, "name") == Mask.CLEAR,
        "Geeta Devi".equals(cells[name]),
        contact);
    assertEquals(
        mask("follow_up_lists", HEALTH, "mobile") == Mask.CLEAR,
        "+917000000112".equals(cells[mobile]),
        contact);
  }

  /** Uploads sample row i as a CSV file and waits until its report is complete; the upload ID. */
  private String uploaded(String user, String password, int i) throws Exception {
    List<String> cells = new ArrayList<>();
    UploadSamples.row(i).forEach(v -> cells.add(v == null ? "" : v.toString()));
    byte[] file =
        (UploadSamples.HEADER + "\n" + String.join(",", cells) + "\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> accepted = upload("sheet.csv", file, user, password);
    assertEquals(202, accepted.statusCode(), accepted.body());
    String id = json(accepted).get("upload_id").asText();
    JsonNode status = json(accepted);
    for (int t = 0; t < 100 && !status.get("state").asText().equals("DONE"); t++) {
      Thread.sleep(100);
      status = json(get("/api/v1/uploads/" + id, user, password));
    }
    assertEquals(1, status.get("rejected").asLong(), status.toString());
    return id;
  }

  @Test
  void theRulesThisTestDerivesFromThePolicyAreTheOnesTheProductPromises() {
    // Written out by hand, so that a change of the policy table is a decision and not an accident.
    assertEquals(
        Set.of(
            "personId",
            "sourceStateCode",
            "age",
            "gender",
            "mobile",
            "origin",
            "destination",
            "travelDate",
            "mode",
            "personsAccompanying",
            "groupRef",
            "category",
            "vehicleRef",
            "version",
            "createdAt",
            "updatedAt"),
        personKeys(MINISTRY));
    assertEquals(personKeys(MINISTRY), personKeys(RAILWAYS));
    Set<String> health = new TreeSet<>(personKeys(MINISTRY));
    health.addAll(Set.of("name", "aadhaarLast4"));
    assertEquals(health, personKeys(HEALTH));
    Set<String> state = new TreeSet<>(health);
    state.addAll(Set.of("sourceRecordId", "createdBy", "updatedBy"));
    assertEquals(state, personKeys(STATE));
    assertEquals(state, personKeys(DISTRICT));
    assertEquals(Mask.MOBILE_LAST4, mask(AUDITOR, "mobile"));
    assertFalse(personKeys(AUDITOR).contains("name"));
    assertEquals(
        Set.of("line", "source_record_id", "field", "code", "value", "message"),
        keys("upload_errors", STATE, Set.copyOf(UploadJobs.ERROR_COLUMNS)));
    assertEquals(
        keys("upload_errors", STATE, Set.copyOf(UploadJobs.ERROR_COLUMNS)),
        keys("upload_errors", DISTRICT, Set.copyOf(UploadJobs.ERROR_COLUMNS)));
    for (Role r : List.of(MINISTRY, RAILWAYS, HEALTH, AUDITOR)) {
      assertFalse(POLICY.rule("upload_errors", r).isPresent(), r + " reads no upload report");
    }
    for (Role r : Role.values()) {
      assertEquals(r == HEALTH, POLICY.rule("follow_up_lists", r).isPresent(), r.name());
    }
  }

  /**
   * Whether a district-level flow leaves or reaches the user's state (STATE) or district
   * (DISTRICT).
   */
  private static boolean touches(User u, JsonNode flow) {
    return switch (u.role()) {
      case STATE -> {
        int state = STATE_OF.get(u.name());
        yield flow.get("originStateCode").asInt() == state
            || flow.get("destinationStateCode").asInt() == state;
      }
      case DISTRICT ->
          flow.get("originDistrictCode").asInt() == 490
              || flow.get("destinationDistrictCode").asInt() == 490;
      case MINISTRY, RAILWAYS, HEALTH, AUDITOR -> true;
    };
  }

  private void checkPerson(User u, HttpResponse<String> answer, boolean visible, String who)
      throws Exception {
    assertNoSecrets(answer.body(), who);
    if (!visible) {
      assertEquals(404, answer.statusCode(), who + answer.body());
      assertEquals("PERSON_NOT_FOUND", json(answer).get("code").asText(), who);
      return;
    }
    checkPersonBody(u, checked(answer, 200, who), who);
  }

  private void checkPersonBody(User u, JsonNode person, String who) {
    assertNoSecrets(person.toString(), who);
    assertEquals(personKeys(u.role()), fieldNames(person), who + person);
    String mobile = person.get("mobile").asText();
    if (mask(u.role(), "mobile") == Mask.MOBILE_LAST4) {
      assertTrue(mobile.matches("\\+91XXXXXX\\d{4}"), who + mobile);
    } else {
      assertTrue(mobile.matches("\\+91\\d{10}"), who + mobile);
    }
    if (person.has("aadhaarLast4") && !person.get("aadhaarLast4").isNull()) {
      assertEquals(
          RegistrationFixtures.AADHAAR.substring(8), person.get("aadhaarLast4").asText(), who);
    }
  }

  private void checkManifest(User u, JsonNode manifest, String who) {
    assertNoSecrets(manifest.toString(), who);
    boolean names = mask("manifest_lines", u.role(), "name") != Mask.HIDDEN;
    int berths = 0;
    for (JsonNode coach : manifest.get("coaches")) {
      for (JsonNode berth : coach.get("berths")) {
        berths++;
        assertEquals(names, berth.has("name"), who + berth);
        assertFalse(
            berth.has("origin_state_code"), who + "the request's codes are stated once: " + berth);
        if (names) {
          assertTrue(
              Set.of("Ram Kumar", "Sunita Devi").contains(berth.get("name").asText()), who + berth);
        }
      }
    }
    assertEquals(2, berths, who + manifest);
  }

  /** The person keys the policy shows this role, named as the API names them (places nested). */
  private static Set<String> personKeys(Role role) {
    Set<String> columns = RegistrationColumns.of(RegistrationFixtures.ramStored()).keySet();
    Set<String> keys = new TreeSet<>();
    for (String column : keys("registrations", role, columns)) {
      if (column.startsWith("origin_")) {
        keys.add("origin");
      } else if (column.startsWith("destination_")) {
        keys.add("destination");
      } else {
        keys.add(camelCase(column));
      }
    }
    return keys;
  }

  private static Set<String> keys(String table, Role role, Set<String> columns) {
    TableRule rule = POLICY.rule(table, role).orElseThrow();
    Set<String> shown = new TreeSet<>();
    columns.stream().filter(c -> rule.maskOf(c) != Mask.HIDDEN).forEach(shown::add);
    return shown;
  }

  private static Mask mask(Role role, String column) {
    return mask("registrations", role, column);
  }

  private static Mask mask(String table, Role role, String column) {
    return POLICY.rule(table, role).map(r -> r.maskOf(column)).orElse(Mask.HIDDEN);
  }

  private static void assertNoSecrets(String body, String who) {
    assertFalse(body.contains(AADHAAR_TOKEN), who + "the Aadhaar token left the service: " + body);
    assertFalse(
        body.contains(RegistrationFixtures.AADHAAR),
        who + "an Aadhaar number left the service: " + body);
    try {
      if (!body.isBlank()) {
        forbiddenKeys(JSON.readTree(body), who);
      }
    } catch (java.io.IOException e) {
      throw new AssertionError(who + "not JSON: " + body, e);
    }
  }

  private static void forbiddenKeys(JsonNode node, String who) {
    if (node.isObject()) {
      node.fieldNames()
          .forEachRemaining(
              k -> assertFalse(NEVER.contains(k), who + "key " + k + " left the service"));
    }
    node.forEach(child -> forbiddenKeys(child, who));
  }

  private static JsonNode checked(HttpResponse<String> answer, int status, String who)
      throws Exception {
    assertEquals(status, answer.statusCode(), who + answer.body());
    assertNoSecrets(answer.body(), who);
    return json(answer);
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String textOrNull(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String camelCase(String column) {
    StringBuilder sb = new StringBuilder();
    String[] parts = column.split("_");
    sb.append(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
    }
    return sb.toString();
  }
}
