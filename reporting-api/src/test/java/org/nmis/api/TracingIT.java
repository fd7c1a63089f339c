package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.tracing.bulk.BulkCsv;

/**
 * Contact tracing over HTTP on a train manifested through the movement API: the contacts per level
 * are exactly those the manifest's seating implies; only HEALTH may trace, always with a purpose,
 * within a rate limit, and every call is audited; a bulk job lists exposed people once and reports
 * unknown numbers, from JSON or a CSV file, as CSV or XLSX, whole or one destination district at a
 * time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingIT extends ApiTestBase {
  private static final int GORAKHPUR = RegistrationFixtures.GORAKHPUR;

  /**
   * Another district of Uttar Pradesh, so that one train carries people to two district health
   * teams.
   */
  private static final int PRAYAGRAJ = 120;

  @Test
  void contactsFollowTheSeatingAndEveryCallIsGovernedAndAudited() throws Exception {
    List<String> ids = register("MH-TRC-", 8000000000L, 12, i -> GORAKHPUR);
    String id = manifestTrain(ids, "04321");

    // Where everyone sits, and so what each level must hold for the first passenger.
    Map<String, String> seat = new HashMap<>();
    for (JsonNode coach :
        json(get("/api/v1/movement/requests/" + id + "/manifest", "railways", "railways-demo"))
            .get("coaches")) {
      for (JsonNode b : coach.get("berths")) {
        seat.put(
            b.get("traveller").asText(),
            coach.get("coach").asText() + "/" + ((b.get("berth").asInt() - 1) / 8));
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
    report
        .get("counts")
        .forEach(c -> counts.put(c.get("level").asText(), c.get("contacts").asInt()));
    assertEquals(sameBay, counts.get("SAME_BAY"), report.get("counts").toString());
    assertEquals(sameCoach, counts.get("SAME_COACH"));
    assertEquals(sameTrain, counts.get("SAME_TRAIN"));
    assertEquals(11, report.get("contacts").size(), "every co-traveller once");

    // The same exposure graph as a table of governed SQL, for HEALTH only.
    platform.awaitMovementLanded();
    String byLevel =
        "SELECT level, count(*) AS n FROM exposures WHERE person_id = '"
            + index
            + "' GROUP BY level";
    HttpResponse<String> inSql =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(Map.of("sql", byLevel)),
            "health",
            "health-demo");
    assertEquals(200, inSql.statusCode(), inSql.body());
    Map<String, Integer> sqlCounts = new HashMap<>();
    json(inSql).get("rows").forEach(r -> sqlCounts.put(r.get(0).asText(), r.get(1).asInt()));
    Map<String, Integer> apiCounts = new HashMap<>(counts);
    apiCounts.values().removeIf(n -> n == 0);
    assertEquals(apiCounts, sqlCounts, "the exposures table agrees with the tracing index");
    HttpResponse<String> ministry =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(Map.of("sql", byLevel)),
            "ministry",
            "ministry-demo");
    assertEquals("NMIS-SQL-004", json(ministry).get("code").asText(), ministry.body());
    assertTrue(report.toString().contains("+918000000002"), "HEALTH sees mobiles in full");

    assertEquals(403, get(contactsPath, "mh-state", "mh-demo").statusCode(), "only HEALTH traces");
    HttpResponse<String> noPurpose =
        get("/api/v1/tracing/persons/" + index + "/contacts", "health", "health-demo");
    assertEquals(400, noPurpose.statusCode());
    assertEquals("NMIS-TRC-014", json(noPurpose).get("code").asText());
    JsonNode byMobile =
        json(
            get(
                "/api/v1/tracing/persons?mobile=8000000001&purpose=CASE-2020-0517",
                "health",
                "health-demo"));
    assertTrue(byMobile.toString().contains("04321"), "the journey shows the train: " + byMobile);

    JsonNode job =
        json(
            post(
                "/api/v1/tracing/bulk",
                "{\"index_cases\": [\"8000000001\", \"9999999999\","
                    + " \"not-a-number\"], \"purpose\": \"CLUSTER-7\"}",
                "health",
                "health-demo"));
    String jobId = job.get("job_id").asText();
    JsonNode status = awaitJob(job);
    assertEquals("DONE", status.get("state").asText(), status.toString());
    assertEquals(11, status.get("exposed_persons").asInt(), "each exposed person once");
    assertEquals(2, status.get("unresolved").asInt(), "unknown and malformed inputs are reported");
    String csv = get("/api/v1/tracing/bulk/" + jobId + "/result", "health", "health-demo").body();
    for (String other : ids.subList(1, ids.size())) {
      assertEquals(1, csv.split(other, -1).length - 1, other + " listed once");
    }

    platform.awaitAuditLanded();
    long audited =
        platform
            .spark()
            .sql(
                "SELECT * FROM delta.`"
                    + platform.warehouse().root()
                    + "/audit_log`"
                    + " WHERE username = 'health' AND endpoint LIKE 'tracing.%' AND parameters LIKE '%CASE-2020-0517%'")
            .count();
    assertTrue(audited >= 2, "every tracing call leaves an audit row with its purpose: " + audited);
  }

  /**
   * Last of the class: it spends the HEALTH user's whole bucket, which refills at 2 tokens a
   * second.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void theRateLimitAnswers429() throws Exception {
    String index = register("MH-TRC-RL-", 8300000000L, 1, i -> GORAKHPUR).get(0);
    String contactsPath = "/api/v1/tracing/persons/" + index + "/contacts?purpose=CASE-2020-0518";
    int refused = 0;
    for (int i = 0; i < 130 && refused == 0; i++) {
      refused = get(contactsPath, "health", "health-demo").statusCode() == 429 ? 1 : 0;
    }
    assertEquals(1, refused, "the rate limit answers 429");
  }

  @Test
  void aCsvFileOfIndexCasesGivesEachDestinationDistrictItsOwnListAsCsvOrXlsx() throws Exception {
    // One train: the index case and three others go to Gorakhpur, four to Prayagraj.
    List<String> ids = register("MH-TRCF-", 8100000000L, 8, i -> i <= 4 ? GORAKHPUR : PRAYAGRAJ);
    manifestTrain(ids, "04377");
    Set<String> toGorakhpur = Set.copyOf(ids.subList(1, 4));
    Set<String> toPrayagraj = Set.copyOf(ids.subList(4, 8));

    HttpResponse<String> started =
        upload(
            "mobile\r\n81000 00001\r\n9999999998\r\n".getBytes(StandardCharsets.UTF_8),
            "CLUSTER-9");
    assertEquals(202, started.statusCode(), started.body());
    JsonNode status = awaitJob(json(started));
    assertEquals("DONE", status.get("state").asText(), status.toString());
    assertEquals(2, status.get("index_cases").asInt(), "the header line is not an index case");
    assertEquals(7, status.get("exposed_persons").asInt(), "everyone else on the train, once");
    assertEquals(
        1, status.get("unresolved").asInt(), "the unknown number is reported, not dropped");
    String jobId = status.get("job_id").asText();
    String result = "/api/v1/tracing/bulk/" + jobId + "/result";

    String csv = get(result, "health", "health-demo").body();
    assertTrue(csv.contains(",9999999998,UNKNOWN_MOBILE,"), csv);
    assertEquals(toGorakhpur.size() + toPrayagraj.size(), personIds(csv).size(), csv);

    JsonNode districts =
        json(get("/api/v1/tracing/bulk/" + jobId + "/districts", "health", "health-demo"));
    Map<Integer, Integer> sizes = new HashMap<>();
    Map<Integer, String> names = new HashMap<>();
    districts
        .get("districts")
        .forEach(
            d -> {
              sizes.put(d.get("district_code").asInt(), d.get("exposed_persons").asInt());
              names.put(d.get("district_code").asInt(), d.get("district_name").asText());
              assertEquals(9, d.get("state_code").asInt());
            });
    assertEquals(Map.of(GORAKHPUR, 3, PRAYAGRAJ, 4), sizes);
    assertEquals(Map.of(GORAKHPUR, "Gorakhpur", PRAYAGRAJ, "Prayagraj"), names);

    HttpResponse<byte[]> xlsx = download(result + "?format=xlsx");
    assertEquals(200, xlsx.statusCode());
    assertTrue(
        xlsx.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        xlsx.headers().toString());
    assertTrue(xlsx.headers().firstValue("Content-Disposition").orElse("").contains(".xlsx"));
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertEquals(List.of("120 Prayagraj", "148 Gorakhpur", "unresolved"), sheetNames(book));
      assertEquals(BulkCsv.columns(), cells(book.getSheetAt(0).getRow(0)));
      assertEquals(toPrayagraj, personIds(book.getSheet("120 Prayagraj")));
      assertEquals(toGorakhpur, personIds(book.getSheet("148 Gorakhpur")));
      Sheet unresolved = book.getSheet("unresolved");
      assertEquals(1, unresolved.getLastRowNum(), "a header and the unknown number");
      assertEquals(
          List.of("2", "9999999998", "UNKNOWN_MOBILE"),
          cells(unresolved.getRow(1)).subList(0, 3),
          "the second index case of the file (its header is not one)");
    }

    String prayagraj = get(result + "?district=" + PRAYAGRAJ, "health", "health-demo").body();
    assertEquals(toPrayagraj, personIds(prayagraj), prayagraj);
    for (String line : prayagraj.split("\r\n")) {
      assertTrue(
          line.startsWith("destination_state_code,") || line.startsWith("9," + PRAYAGRAJ + ","),
          line);
    }
    assertFalse(prayagraj.contains("9999999998"), "a district's list has no unresolved inputs");
    try (XSSFWorkbook book =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download(result + "?format=xlsx&district=" + GORAKHPUR).body()))) {
      assertEquals(List.of("148 Gorakhpur"), sheetNames(book));
      assertEquals(toGorakhpur, personIds(book.getSheetAt(0)));
    }

    HttpResponse<String> elsewhere = get(result + "?district=212", "health", "health-demo");
    assertEquals(404, elsewhere.statusCode(), elsewhere.body());
    assertEquals("NMIS-TRC-020", json(elsewhere).get("code").asText());
    HttpResponse<String> pdf = get(result + "?format=pdf", "health", "health-demo");
    assertEquals(400, pdf.statusCode(), pdf.body());
    assertEquals("NMIS-TRC-019", json(pdf).get("code").asText());
  }

  @Test
  void aFileThatCannotBeAListOfIndexCasesIsRefusedAtOnce() throws Exception {
    assertRefused(new byte[0], "NMIS-TRC-015");
    HttpResponse<String> noFile =
        send(
            HttpRequest.newBuilder(uri("/api/v1/tracing/bulk"))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--x\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                            + "CLUSTER-10\r\n--x--\r\n")),
            "health",
            "health-demo");
    assertEquals(
        "NMIS-TRC-021",
        json(noFile).get("code").asText(),
        "a form without the file part: " + noFile.body());
    assertRefused("mobile\r\n\r\n".getBytes(StandardCharsets.UTF_8), "NMIS-TRC-015");
    assertRefused(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0}, "NMIS-TRC-016");
    assertRefused(new byte[] {'8', '1', 0, (byte) 0xFF, 7, 1, 2}, "NMIS-TRC-016");
    assertRefused(
        "hello\nworld, nothing to trace here\n".getBytes(StandardCharsets.UTF_8), "NMIS-TRC-018");
    HttpResponse<String> noPurpose = upload("8100000001\n".getBytes(StandardCharsets.UTF_8), null);
    assertEquals(400, noPurpose.statusCode(), noPurpose.body());
    assertEquals("NMIS-TRC-014", json(noPurpose).get("code").asText());
  }

  private void assertRefused(byte[] file, String code) throws Exception {
    HttpResponse<String> refused = upload(file, "CLUSTER-10");
    assertEquals(400, refused.statusCode(), refused.body());
    JsonNode problem = json(refused);
    assertEquals(code, problem.get("code").asText(), problem.toString());
    assertFalse(problem.toString().contains("job_id"), "no job is started");
  }

  /**
   * Registers {@code count} people travelling alone from Pune to Uttar Pradesh by train, with the
   * mobiles {@code mobileBase} + 1, + 2, ... and the destination district chosen by position (from
   * 1); their person IDs, once the serving index has them.
   */
  private List<String> register(
      String recordPrefix, long mobileBase, int count, IntUnaryOperator district) throws Exception {
    RegistrationInput[] people = new RegistrationInput[count];
    for (int i = 1; i <= count; i++) {
      people[i - 1] =
          RegistrationFixtures.ramFromPuneToGorakhpur()
              .set(Field.SOURCE_STATE_CODE, (String) null)
              .set(Field.AADHAAR, null)
              .set(Field.SOURCE_RECORD_ID, recordPrefix + i)
              .set(Field.MOBILE, String.valueOf(mobileBase + i))
              .set(Field.DESTINATION_DISTRICT_CODE, String.valueOf(district.applyAsInt(i)))
              .set(Field.PERSONS_ACCOMPANYING, "0")
              .set(Field.GROUP_REF, null)
              .build();
    }
    return registerAs("mh-state", "mh-demo", people);
  }

  /** Polls a bulk job until it is no longer RUNNING (20 s at most); its last status. */
  private JsonNode awaitJob(JsonNode job) throws Exception {
    JsonNode status = job;
    for (int i = 0; i < 100 && status.get("state").asText().equals("RUNNING"); i++) {
      Thread.sleep(200);
      status =
          json(get("/api/v1/tracing/bulk/" + job.get("job_id").asText(), "health", "health-demo"));
    }
    return status;
  }

  /**
   * POSTs index cases as a multipart file with the purpose (left out when null) and a window round
   * TRAVEL.
   */
  private HttpResponse<String> upload(byte[] file, String purpose) throws Exception {
    String boundary = "nmis-trc-" + UUID.randomUUID();
    Map<String, String> fields = new LinkedHashMap<>();
    if (purpose != null) {
      fields.put("purpose", purpose);
    }
    fields.put("from", TRAVEL.minusDays(1).toString());
    fields.put("to", TRAVEL.plusDays(1).toString());
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cases.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/api/v1/tracing/bulk"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
        "health",
        "health-demo");
  }

  private HttpResponse<byte[]> download(String path) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(path)).GET(),
        "health",
        "health-demo",
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /**
   * The person IDs (fourth column) of a follow-up CSV's list rows, each once; fails on one listed
   * twice.
   */
  private static Set<String> personIds(String csv) {
    Set<String> ids = new HashSet<>();
    for (String line : csv.split("\r\n")) {
      if (line.startsWith("position,")) {
        break; // the unresolved inputs follow
      }
      if (!line.startsWith("destination_state_code,")) {
        assertTrue(ids.add(line.split(",")[3]), "listed once: " + line);
      }
    }
    return ids;
  }

  private static Set<String> personIds(Sheet sheet) {
    Set<String> ids = new HashSet<>();
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      assertTrue(
          ids.add(sheet.getRow(r).getCell(3).getStringCellValue()),
          "listed once in " + sheet.getSheetName());
    }
    return ids;
  }

  private static List<String> sheetNames(XSSFWorkbook book) {
    List<String> names = new ArrayList<>();
    book.forEach(sheet -> names.add(sheet.getSheetName()));
    return names;
  }

  private static List<String> cells(Row row) {
    DataFormatter format = new DataFormatter();
    List<String> out = new ArrayList<>();
    row.forEach(c -> out.add(format.formatCellValue(c)));
    return out;
  }
}
