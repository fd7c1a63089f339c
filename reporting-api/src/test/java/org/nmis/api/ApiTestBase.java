package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.nmis.api.demo.Demo;
import org.nmis.api.demo.TwilioStub;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.testing.RegistrationFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service on its embedded default (real broker, Spark, Delta files) for the API's
 * integration tests. Every test class extending this shares one running service (Spring caches the
 * context), so the data directory is created once per JVM rather than per class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ApiTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path DATA_DIR = tempDir();

  /** Twilio for every test of the service: numbers ending in 13 are told to fail. */
  static final TwilioStub TWILIO = startStub();

  /**
   * Tomorrow in India: a pass is valid from the day before travel, so the passes issued for it
   * verify today.
   */
  static final LocalDate TRAVEL = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1);

  @LocalServerPort int port;
  private final ApiClient api = new ApiClient(() -> port);
  @Autowired WarehousePlatform platform;

  /**
   * Tests start once the serving indexes are warm, as a load balancer would send traffic only then;
   * before, lookups answer 503 WARMING_UP (OperationsIT checks both).
   */
  @org.junit.jupiter.api.BeforeEach
  void servingIndexesWarm() throws InterruptedException {
    long deadline = System.nanoTime() + 180_000_000_000L;
    while (!platform.servingReady() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(platform.servingReady(), "the serving indexes did not warm up within 3 minutes");
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry r) {
    r.add("nmis.data-dir", DATA_DIR::toString);
    r.add("nmis.kafka.embedded-port", () -> "0");
    r.add("nmis.kafka.partitions", () -> "4");
    // Every test signs in from 127.0.0.1: the per-address limit would lock the whole suite out
    // after a few tests of wrong passwords. RefusalsIT tests the per-name limit; the unit test
    // both.
    r.add("nmis.security.sign-in.max-failures-per-address", () -> "100000");
    r.add("nmis.privacy.aadhaar-key", () -> RegistrationFixtures.TEST_AADHAAR_KEY);
    r.add("nmis.ids.key", () -> RegistrationFixtures.TEST_ID_KEY);
    r.add(
        "nmis.forecast.first-run-after",
        () -> "24h"); // the tests run forecasts when they need them
    for (String arg : Demo.dryRun(TWILIO)) {
      String[] kv = arg.substring(2).split("=", 2);
      r.add(kv[0], () -> kv[1]);
    }
  }

  private static TwilioStub startStub() {
    try {
      return new TwilioStub().failing(to -> to.endsWith("13"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("nmis-api-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Posts registrations as this state or district user and waits until every one is in the serving
   * index; their person IDs, in order.
   */
  List<String> registerAs(String user, String password, RegistrationInput... people)
      throws Exception {
    StringBuilder body = new StringBuilder("[");
    for (RegistrationInput p : people) {
      body.append(body.length() > 1 ? "," : "")
          .append(new String(RegistrationJson.write(p), StandardCharsets.UTF_8));
    }
    JsonNode answer =
        json(post("/api/v1/registrations", body.append("]").toString(), user, password));
    assertEquals(people.length, answer.get("accepted").asInt(), answer.toString());
    List<String> ids = new ArrayList<>();
    answer.get("results").forEach(r -> ids.add(r.get("personId").asText()));
    platform.awaitCaughtUp();
    for (String id : ids) {
      assertEquals(200, get("/api/v1/persons/" + id, user, password).statusCode(), id);
    }
    return ids;
  }

  /** Posts registrations as Maharashtra; see {@link #registerAs}. */
  List<String> register(RegistrationInput... people) throws Exception {
    return registerAs("mh-state", "mh-demo", people);
  }

  /**
   * Maharashtra asks Uttar Pradesh to take these people from Pune tomorrow: the request, submitted;
   * its ID.
   */
  String submitRequest(List<String> ids) throws Exception {
    String id =
        json(post(
                "/api/v1/movement/requests",
                "{\"destination_state_code\": 9, \"passengers\": "
                    + JSON.writeValueAsString(ids)
                    + ", \"proposed_date\": \""
                    + TRAVEL
                    + "\", \"origin_station\": \"PUNE\"}",
                "mh-state",
                "mh-demo"))
            .get("request_id")
            .asText();
    assertEquals(200, post(path(id, "submit"), "{}", "mh-state", "mh-demo").statusCode());
    return id;
  }

  /**
   * Walks a request of these people through the movement API to a manifest on the train, tomorrow;
   * its ID.
   */
  String manifestTrain(List<String> ids, String trainNumber) throws Exception {
    String id = submitRequest(ids);
    assertEquals(
        200,
        post(
                path(id, "accept"),
                "{\"quarantine_capacity\": 100, \"noc_number\": \"UP/NOC/" + trainNumber + "\"}",
                "up-state",
                "up-demo")
            .statusCode());
    assertEquals(
        200,
        post(
                path(id, "book"),
                "{\"train_number\": \""
                    + trainNumber
                    + "\", \"date\": \""
                    + TRAVEL
                    + "\", \"origin_station\": \"PUNE\", \"destination_station\": \"GKP\", \"middle_berths_empty\": false}",
                "railways",
                "railways-demo")
            .statusCode());
    assertEquals(200, post(path(id, "manifest"), "{}", "railways", "railways-demo").statusCode());
    return id;
  }

  /**
   * Two people travelling alone from Pune to Gorakhpur, registered by Maharashtra: the first with
   * an Aadhaar number, the second, a woman named {@code secondName}, without. Their person IDs.
   */
  List<String> registerTwoTravellers(
      String recordPrefix, String firstMobile, String secondMobile, String secondName)
      throws Exception {
    return register(
        traveller(recordPrefix + "1", firstMobile).build(),
        traveller(recordPrefix + "2", secondMobile)
            .set(Field.AADHAAR, null)
            .set(Field.NAME, secondName)
            .set(Field.GENDER, "F")
            .build());
  }

  private static RegistrationInput.Builder traveller(String recordId, String mobile) {
    return RegistrationFixtures.ramFromPuneToGorakhpur()
        .set(Field.SOURCE_STATE_CODE, (String) null)
        .set(Field.SOURCE_RECORD_ID, recordId)
        .set(Field.MOBILE, mobile)
        .set(Field.PERSONS_ACCOMPANYING, "0")
        .set(Field.GROUP_REF, null);
  }

  static String path(String id, String action) {
    return "/api/v1/movement/requests/" + id + "/" + action;
  }

  URI uri(String path) {
    return api.uri(path);
  }

  HttpResponse<String> get(String path, String user, String password) throws Exception {
    return api.get(path, user, password);
  }

  HttpResponse<String> post(String path, String json, String user, String password)
      throws Exception {
    return api.post(path, json, user, password);
  }

  /** POSTs a file to /api/v1/uploads as a multipart form, as a browser or curl -F would. */
  HttpResponse<String> upload(String name, byte[] content, String user, String password)
      throws Exception {
    return api.upload(name, content, user, password);
  }

  HttpResponse<String> send(HttpRequest.Builder b, String user, String password) throws Exception {
    return api.send(b, user, password);
  }

  <T> HttpResponse<T> send(
      HttpRequest.Builder b, String user, String password, HttpResponse.BodyHandler<T> body)
      throws Exception {
    return api.send(b, user, password, body);
  }

  static JsonNode json(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body());
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
