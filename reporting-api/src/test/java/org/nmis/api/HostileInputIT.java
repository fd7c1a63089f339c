package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The hostile input corpus (hardening issue, item 5): for every endpoint that takes a body or a
 * file, malformed and deeply nested JSON, very long strings, invalid UTF-8, control and bidi
 * characters, formula cells, an XLSX zip bomb, XML external entities and billion laughs in XLSX
 * parts, wrong content types and a multipart request of many parts. Each is answered with a 4xx
 * problem body (a stable code) within a bounded time, nothing is stored, and the service keeps
 * serving. The table of answers is written to target/hostile-input.md (docs/SECURITY.md shows it).
 */
class HostileInputIT extends ApiTestBase {
  private static final long MAX_MILLIS = 15_000;
  private static final String NESTED = "[".repeat(100_000) + "]".repeat(100_000);
  private static final byte[] BAD_UTF8 = {
    '[',
    '{',
    '"',
    'n',
    'a',
    'm',
    'e',
    '"',
    ':',
    '"',
    (byte) 0xC3,
    (byte) 0x28,
    (byte) 0xFF,
    '"',
    '}',
    ']'
  };

  private record Case(String name, String user, String password, HttpRequest.Builder request) {}

  @Test
  void everyHostileInputIsRefusedWithAProblemAndNothingIsStored() throws Exception {
    platform.awaitCaughtUp();
    long rawBefore = rows("registrations_raw");
    int indexedBefore = platform.index().size();
    List<Case> cases = new ArrayList<>();
    String longName = "A".repeat(2_000_000);
    for (String[] endpoint :
        new String[][] {
          {"/api/v1/registrations", "mh-state", "mh-demo"},
          {"/api/v1/sql", "ministry", "ministry-demo"},
          {"/api/v1/movement/requests", "mh-state", "mh-demo"},
          {"/api/v1/tracing/bulk?purpose=hostile", "health", "health-demo"},
          {"/api/v1/epasses/verify", null, null},
          {"/api/v1/persons/AST1B-G8954/erasure", "mh-state", "mh-demo"}
        }) {
      String path = endpoint[0];
      cases.add(json(path + " malformed JSON", endpoint, "[{\"name\": ".getBytes()));
      cases.add(json(path + " nested 100,000 deep", endpoint, NESTED.getBytes()));
      cases.add(json(path + " invalid UTF-8", endpoint, BAD_UTF8));
      cases.add(
          json(
              path + " 2 MB string",
              endpoint,
              ("{\"sql\": \""
                      + longName
                      + "\", \"reason\": \""
                      + longName
                      + "\", \"name\": \""
                      + longName
                      + "\", \"token\": \""
                      + longName
                      + "\"}")
                  .getBytes()));
      cases.add(
          new Case(
              path + " wrong content type",
              endpoint[1],
              endpoint[2],
              HttpRequest.newBuilder(uri(path))
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("hello"))));
    }
    String row =
        "{\"source_record_id\": \"HOSTILE-%s\", \"name\": \"%s\", \"age\": 30, \"gender\": \"M\","
            + " \"mobile\": \"9555500101\", \"origin_state_code\": 27, \"origin_district_code\": 490,"
            + " \"destination_state_code\": 9, \"destination_district_code\": 148,"
            + " \"travel_date\": \"2020-05-18\", \"mode\": \"TRAIN\"}";
    String[] registrations = {"/api/v1/registrations", "mh-state", "mh-demo"};
    cases.add(
        json(
            "registration: control characters in the name",
            registrations,
            ("[" + String.format(row, "1", "Ram\\u0000\\u0007Kumar") + "]").getBytes()));
    cases.add(
        json(
            "registration: bidi override in the name",
            registrations,
            ("[" + String.format(row, "2", "Ram \u202Eramuk") + "]")
                .getBytes(StandardCharsets.UTF_8)));
    cases.add(
        json(
            "registration: formula as the name",
            registrations,
            ("[" + String.format(row, "3", "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")") + "]")
                .getBytes()));
    cases.add(upload("upload: XLSX zip bomb (1 GB of sheet XML)", "bomb.xlsx", zipBomb()));
    cases.add(upload("upload: XLSX with an external entity", "xxe.xlsx", xlsx(XXE)));
    cases.add(upload("upload: XLSX with billion laughs", "laughs.xlsx", xlsx(LAUGHS)));
    cases.add(upload("upload: a ZIP that is not a workbook", "x.xlsx", zip("a.txt", "hello")));
    cases.add(
        upload("upload: CSV that is UTF-16", "x.csv", "name\n".getBytes(StandardCharsets.UTF_16)));
    cases.add(
        new Case(
            "upload: JSON instead of multipart",
            "mh-state",
            "mh-demo",
            HttpRequest.newBuilder(uri("/api/v1/uploads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))));
    for (String path :
        List.of(
            "/api/v1/persons//erasure",
            "/api/v1/persons/%2e%2e/%2e%2e/status",
            "/api/v1/persons/a%0Ab")) {
      cases.add(
          new Case("URL " + path, "mh-state", "mh-demo", HttpRequest.newBuilder(uri(path)).GET()));
    }
    cases.add(manyParts(5_000));
    cases.add(
        new Case(
            "upload: multipart without the file part",
            "mh-state",
            "mh-demo",
            HttpRequest.newBuilder(uri("/api/v1/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n"))));
    cases.add(
        new Case(
            "upload: truncated multipart",
            "mh-state",
            "mh-demo",
            HttpRequest.newBuilder(uri("/api/v1/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\nname,"))));

    Map<String, String> table = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = send(c.request(), c.user(), c.password());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String code = problemCode(r);
      String shown =
          code != null ? code : invalidPass(r) ? "verdict INVALID" : "row refused: " + rowCodes(r);
      table.put(c.name(), r.statusCode() + " | " + shown + " | " + ms);
      boolean ok =
          ms < MAX_MILLIS
              && ((r.statusCode() >= 400 && r.statusCode() < 500 && code != null)
                  || (r.statusCode() == 200 && (rejectedEveryRow(r) || invalidPass(r))));
      if (!ok) {
        failures.add(c.name() + " -> " + r.statusCode() + " " + ms + " ms " + abbreviate(r.body()));
      }
    }
    writeTable(table);
    assertEquals(List.of(), failures);

    // Nothing stored, and the service still serves.
    platform.awaitCaughtUp();
    assertEquals(rawBefore, rows("registrations_raw"), "no message reached the warehouse");
    assertEquals(indexedBefore, platform.index().size());
    assertEquals(200, get("/api/v1/status", "ministry", "ministry-demo").statusCode());
    assertEquals(200, get("/actuator/health/readiness", null, null).statusCode());
  }

  /** A registrations answer that took nothing: every row refused with its errors. */
  private static boolean rejectedEveryRow(HttpResponse<String> r) {
    try {
      JsonNode n = JSON.readTree(r.body());
      return n.has("accepted") && n.get("accepted").asInt() == 0 && n.get("rejected").asInt() > 0;
    } catch (IOException e) {
      return false;
    }
  }

  /** The error codes of a registrations answer's rows. */
  private static String rowCodes(HttpResponse<String> r) {
    try {
      List<String> codes = new ArrayList<>();
      JSON.readTree(r.body()).findValues("code").forEach(v -> codes.add(v.asText()));
      return String.join(", ", codes);
    } catch (IOException e) {
      return "?";
    }
  }

  /** The pass checker's verdict on junk: its answer is the verdict, INVALID, not an error. */
  private static boolean invalidPass(HttpResponse<String> r) {
    return r.uri().getPath().equals("/api/v1/epasses/verify")
        && r.body().startsWith("{\"status\":\"INVALID\"");
  }

  private static String problemCode(HttpResponse<String> r) {
    try {
      JsonNode n = JSON.readTree(r.body());
      return n != null && n.hasNonNull("code") ? n.get("code").asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "..." : s;
  }

  private long rows(String table) {
    return platform
        .spark()
        .read()
        .format("delta")
        .load(platform.warehouse().root() + "/" + table)
        .count();
  }

  private Case json(String name, String[] endpoint, byte[] body) {
    return new Case(
        name,
        endpoint[1],
        endpoint[2],
        HttpRequest.newBuilder(uri(endpoint[0]))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private Case upload(String name, String fileName, byte[] content) {
    return new Case(name, "mh-state", "mh-demo", multipart(List.of(Map.entry(fileName, content))));
  }

  private Case manyParts(int n) {
    List<Map.Entry<String, byte[]>> parts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      parts.add(Map.entry("p" + i + ".csv", new byte[] {'x'}));
    }
    return new Case(n + " multipart parts", "mh-state", "mh-demo", multipart(parts));
  }

  private HttpRequest.Builder multipart(List<Map.Entry<String, byte[]>> files) {
    String boundary = "nmis-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> f : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + f.getKey()
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.getValue());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri("/api/v1/uploads"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
  }

  private static final String XXE =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
          + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
          + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>"
          + "</sheetData></worksheet>";

  private static final String LAUGHS;

  static {
    StringBuilder d = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 10; i++) {
      d.append("<!ENTITY l").append(i).append(" \"");
      d.append(("&l" + (i - 1) + ";").repeat(10));
      d.append("\">");
    }
    d.append("]><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        .append("<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&l10;</t></is></c>")
        .append("</row></sheetData></worksheet>");
    LAUGHS = d.toString();
  }

  /** A workbook whose only sheet is {@code sheetXml}. */
  private static byte[] xlsx(String sheetXml) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", CONTENT_TYPES);
      put(zip, "_rels/.rels", ROOT_RELS);
      put(zip, "xl/workbook.xml", WORKBOOK);
      put(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
      put(zip, "xl/worksheets/sheet1.xml", sheetXml);
    }
    return out.toByteArray();
  }

  /** A workbook whose sheet inflates to 1 GB of whitespace (about 1 MB compressed). */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, "[Content_Types].xml", CONTENT_TYPES);
      put(zip, "_rels/.rels", ROOT_RELS);
      put(zip, "xl/workbook.xml", WORKBOOK);
      put(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(
          "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
              .getBytes(StandardCharsets.UTF_8));
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 1024; i++) {
        zip.write(spaces);
      }
      zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] zip(String name, String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      put(zip, name, text);
    }
    return out.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default"
          + " Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override"
          + " PartName=\"/xl/workbook.xml\""
          + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
          + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + "</Types>";
  private static final String ROOT_RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
          + " Id=\"rId1\""
          + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
          + " Target=\"xl/workbook.xml\"/></Relationships>";
  private static final String WORKBOOK =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook"
          + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
          + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
          + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  private static final String WORKBOOK_RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships"
          + " xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
          + " Id=\"rId1\""
          + " Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
          + " Target=\"worksheets/sheet1.xml\"/></Relationships>";

  private static void writeTable(Map<String, String> table) throws IOException {
    StringBuilder md = new StringBuilder("| Input | Status | Code | ms |\n|---|---|---|---|\n");
    table.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    Path out = Path.of("target", "hostile-input.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
