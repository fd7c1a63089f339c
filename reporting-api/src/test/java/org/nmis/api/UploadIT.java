package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nmis.uploads.testing.ExcelLikeXlsx;
import org.nmis.uploads.testing.UploadSamples;

/**
 * A state uploads a 50,000-row XLSX with 2% bad rows: every bad row is reported with its line
 * number, every good row is ingested once, and uploading the same file again changes nothing.
 * File-level problems answer 400.
 */
class UploadIT extends ApiTestBase {
  // Large enough for several ingestion batches and status saves; the reader itself is benchmarked
  // at 1,000,000 rows (docs/BENCHMARKS.md).
  private static final int ROWS = 50_000;
  private static final String MINE =
      " FROM registrations WHERE source_record_id LIKE 'MH-PUNE-_______'";

  @Test
  void aLargeSpreadsheetIsIngestedOnceAndItsBadRowsReportedByLine() throws Exception {
    Path file = Files.createTempFile("nmis-upload", ".xlsx");
    ExcelLikeXlsx.write(file, ROWS);

    JsonNode first = uploadAndWait(file);
    assertEquals(ROWS, first.get("rows_received").asLong(), first.toString());
    assertEquals(ROWS / 50, first.get("rejected").asLong());
    assertEquals(ROWS - ROWS / 50, first.get("accepted").asLong());
    assertEquals(0, first.get("pending").asLong());

    String errors =
        get("/api/v1/uploads/" + first.get("upload_id").asText() + "/errors", "mh-state", "mh-demo")
            .body();
    TreeSet<Long> reported = new TreeSet<>();
    for (String line : errors.split("\r\n")) {
      if (!line.startsWith("line,")) {
        reported.add(Long.parseLong(line.substring(0, line.indexOf(','))));
      }
    }
    TreeSet<Long> bad = new TreeSet<>();
    for (int i = 0; i < ROWS; i++) {
      if (UploadSamples.isBad(i)) {
        bad.add(UploadSamples.lineOf(i));
      }
    }
    assertEquals(bad, reported, "every bad row, by its line number, and no good one");

    platform.awaitCaughtUp();
    assertEquals(List.of((long) ROWS - ROWS / 50, 1L), counts());

    JsonNode again = uploadAndWait(file);
    assertEquals(ROWS - ROWS / 50, again.get("accepted").asLong());
    platform.awaitCaughtUp();
    assertEquals(List.of((long) ROWS - ROWS / 50, 1L), counts(), "a re-upload changes nothing");
    Files.delete(file);
  }

  @Test
  void fileLevelProblemsAnswer400NamingThem() throws Exception {
    HttpResponse<String> binary =
        upload("photo.xlsx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2});
    assertEquals(400, binary.statusCode(), binary.body());
    assertTrue(json(binary).get("code").asText().startsWith("NMIS-UPL-"), binary.body());
    HttpResponse<String> missing =
        upload("sheet.csv", "source_record_id,name\nX1,Ram\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, missing.statusCode());
    assertTrue(json(missing).get("detail").asText().contains("mobile"), missing.body());
  }

  /**
   * Registrations from the file, and the highest version among them (1: nothing was ever
   * rewritten).
   */
  private List<Long> counts() {
    List<Long> out = new ArrayList<>();
    var row =
        platform
            .spark()
            .sql(
                "SELECT count(*), max(version)"
                    + MINE.replace(
                        "registrations",
                        "delta.`" + platform.warehouse().root() + "/registrations`"))
            .first();
    out.add(row.getLong(0));
    out.add(((Number) row.get(1)).longValue());
    return out;
  }

  private JsonNode uploadAndWait(Path file) throws Exception {
    HttpResponse<String> accepted = upload("registrations.xlsx", Files.readAllBytes(file));
    assertEquals(202, accepted.statusCode(), accepted.body());
    String id = json(accepted).get("upload_id").asText();
    Instant started = Instant.now();
    while (Duration.between(started, Instant.now()).toMinutes() < 5) {
      JsonNode status = json(get("/api/v1/uploads/" + id, "mh-state", "mh-demo"));
      if (!status.get("state").asText().equals("RUNNING") && status.get("pending").asLong() == 0) {
        assertEquals("DONE", status.get("state").asText(), status.toString());
        return status;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("upload " + id + " did not finish in 5 minutes");
  }

  private HttpResponse<String> upload(String name, byte[] content) throws Exception {
    return upload(name, content, "mh-state", "mh-demo");
  }
}
