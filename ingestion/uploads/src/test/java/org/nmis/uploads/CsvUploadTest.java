package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.uploads.TestFiles.RAM;
import static org.nmis.uploads.TestFiles.SHORT_HEADER;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.model.registration.Field;

class CsvUploadTest {
  @TempDir Path dir;

  @Test
  void readsEachRowWithItsLineNumberAndTheColumnsInFileOrder() throws IOException {
    Path file =
        TestFiles.write(
            dir, "mh.csv", SHORT_HEADER + "\n" + RAM + "\n" + RAM.replace("MH-1", "MH-2") + "\n");
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(UploadFormat.CSV, upload.format());
      assertEquals(1, upload.headerLine());
      assertEquals(Field.NAME, upload.columns().get(0));
      assertEquals(11, upload.columns().size());
      assertEquals(OptionalLong.of(2), upload.expectedRows());
      List<UploadRow> rows = upload.rows().toList();
      assertEquals(List.of(2L, 3L), rows.stream().map(UploadRow::lineNumber).toList());
      assertEquals("MH-2", rows.get(1).input().get(Field.SOURCE_RECORD_ID));
      assertEquals("Ram Kumar", rows.get(0).input().get(Field.NAME));
      assertNull(rows.get(0).input().get(Field.SOURCE_STATE_CODE));
      assertNull(rows.get(0).input().get(Field.AADHAAR), "an optional column left out is absent");
      assertEquals(1.0, upload.progress());
    }
  }

  @Test
  void aByteOrderMarkIsSkipped() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.writeBytes((SHORT_HEADER + "\r\n" + RAM + "\r\n").getBytes(StandardCharsets.UTF_8));
    List<UploadRow> rows = TestFiles.readAll(TestFiles.write(dir, "bom.csv", bytes.toByteArray()));
    assertEquals(1, rows.size());
    assertEquals("Ram Kumar", rows.get(0).input().get(Field.NAME));
  }

  @Test
  void quotedCellsKeepCommasQuotesAndNewlinesAndRowsAreNumberedByTheLineTheyStartOn()
      throws IOException {
    String text =
        SHORT_HEADER
            + "\n"
            + "\"Kumar, Ram\",MH-1,34,M,9876543210,27,490,9,148,2020-05-18,TRAIN\n"
            + "\"Ram \"\"Raju\"\" Kumar\",MH-2,34,M,9876543210,27,490,9,148,2020-05-18,TRAIN\n"
            + "\"Ram\nKumar\r\nSingh\",MH-3,34,M,9876543210,27,490,9,148,2020-05-18,TRAIN\n"
            + RAM.replace("MH-1", "MH-4")
            + "\n";
    List<UploadRow> rows = TestFiles.readAll(TestFiles.write(dir, "quotes.csv", text));
    assertEquals(
        List.of("Kumar, Ram", "Ram \"Raju\" Kumar", "Ram\nKumar\r\nSingh", "Ram Kumar"),
        rows.stream().map(r -> r.input().get(Field.NAME)).toList());
    assertEquals(List.of(2L, 3L, 4L, 7L), rows.stream().map(UploadRow::lineNumber).toList());
  }

  @Test
  void quotesInsideAnUnquotedCellOrAfterAClosingQuoteAreKeptAsExcelDoes() throws IOException {
    String text =
        SHORT_HEADER
            + "\n"
            + "Ram \"Raju\" Kumar,\"MH\"-1,34,M,9876543210,27,490,9,148,2020-05-18,TRAIN\n";
    UploadRow row = TestFiles.readAll(TestFiles.write(dir, "lenient.csv", text)).get(0);
    assertEquals("Ram \"Raju\" Kumar", row.input().get(Field.NAME));
    assertEquals("MH-1", row.input().get(Field.SOURCE_RECORD_ID));
  }

  @Test
  void crlfLfAndLoneCrAllEndLines() throws IOException {
    String text =
        SHORT_HEADER
            + "\r\n"
            + RAM
            + "\r"
            + RAM.replace("MH-1", "MH-2")
            + "\n"
            + RAM.replace("MH-1", "MH-3");
    List<UploadRow> rows = TestFiles.readAll(TestFiles.write(dir, "endings.csv", text));
    assertEquals(List.of(2L, 3L, 4L), rows.stream().map(UploadRow::lineNumber).toList());
    assertEquals("TRAIN", rows.get(2).input().get(Field.MODE), "the last line needs no line break");
  }

  @Test
  void devanagariDatesAndMobilesComeOutExactlyAsTyped() throws IOException {
    String text =
        SHORT_HEADER
            + "\n"
            + "सीता देवी,BR-1,21,F,+91 70000 12345,27,490,10,212,2020-05-20,BUS\n"
            + "राजेश यादव,BR-2,40,M,917000012345,27,490,10,212,20-05-2020,BUS\n"
            + "Ram Kumar,BR-3,40,M,07000012345,27,490,10,212,20/05/2020,BUS\n"
            + "Ram Kumar,BR-4,40,M,98765-43210,27,490,10,212,5/6/2020,BUS\n";
    List<UploadRow> rows = TestFiles.readAll(TestFiles.write(dir, "hindi.csv", text));
    assertEquals(
        List.of("सीता देवी", "राजेश यादव", "Ram Kumar", "Ram Kumar"),
        rows.stream().map(r -> r.input().get(Field.NAME)).toList());
    assertEquals(
        List.of("+91 70000 12345", "917000012345", "07000012345", "98765-43210"),
        rows.stream().map(r -> r.input().get(Field.MOBILE)).toList());
    assertEquals(
        List.of("2020-05-20", "20-05-2020", "20/05/2020", "5/6/2020"),
        rows.stream().map(r -> r.input().get(Field.TRAVEL_DATE)).toList());
  }

  @Test
  void blankRowsAreSkippedButKeepTheirLineNumbers() throws IOException {
    String text =
        "\n"
            + SHORT_HEADER
            + "\n\n"
            + RAM
            + "\n,,,, ,\n\"\",\r\n"
            + RAM.replace("MH-1", "MH-2")
            + "\n\n";
    try (UploadFile upload =
        UploadFile.open(TestFiles.write(dir, "blank.csv", text), Limits.DEFAULT)) {
      assertEquals(2, upload.headerLine());
      assertEquals(
          OptionalLong.of(6), upload.expectedRows(), "blank records count towards the limit");
      assertEquals(List.of(4L, 7L), upload.rows().map(UploadRow::lineNumber).toList());
    }
  }

  @Test
  void cellsAreKeptWithTheirSpacesForTheValidatorToTrim() throws IOException {
    String text = SHORT_HEADER + "\n" + RAM.replace("Ram Kumar", "  Ram Kumar ") + "\n";
    assertEquals(
        "  Ram Kumar ",
        TestFiles.readAll(TestFiles.write(dir, "spaces.csv", text)).get(0).input().get(Field.NAME));
  }

  @Test
  void textInAColumnWithoutAHeaderIsAnUnknownFieldOfThatRow() throws IOException {
    String text = SHORT_HEADER + "\n" + RAM + ",,  \n" + RAM + ",,called twice,x\n";
    List<UploadRow> rows = TestFiles.readAll(TestFiles.write(dir, "extra.csv", text));
    assertEquals(
        List.of(), rows.get(0).input().unknownFields(), "empty trailing cells are nothing");
    assertEquals(List.of("column M"), rows.get(1).input().unknownFields());
  }

  @Test
  void aCellLongerThanTheLimitIsCutAndMarkedSoTheValidatorRejectsIt() throws IOException {
    String longName = "क".repeat(5_000);
    String text = SHORT_HEADER + "\n" + RAM.replace("Ram Kumar", longName) + "\n";
    Limits limits = new Limits(Limits.DEFAULT.maxBytes(), Limits.DEFAULT.maxRows(), 64, 100);
    try (UploadFile upload = UploadFile.open(TestFiles.write(dir, "long.csv", text), limits)) {
      UploadRow row = upload.rows().findFirst().orElseThrow();
      assertEquals("क".repeat(100) + "…", row.input().get(Field.NAME));
      assertEquals(
          "MH-1", row.input().get(Field.SOURCE_RECORD_ID), "the rest of the row is intact");
    }
  }

  @Test
  void aFileNotInUtf8IsRefusedNamingTheLine() {
    byte[] latin1 =
        (SHORT_HEADER + "\n" + RAM + "\n" + RAM.replace("Ram Kumar", "José") + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    String message =
        TestFiles.refusal(TestFiles.write(dir, "latin1.csv", latin1), UploadProblem.NOT_UTF8);
    assertTrue(message.contains("line 3 has bytes (0xE9 0x2C)"), message);
  }

  @Test
  void anUnclosedQuoteIsRefusedNamingTheLineItOpensOn() {
    String text = SHORT_HEADER + "\n" + RAM + "\n" + "\"Ram Kumar,MH-2,34\n" + RAM + "\n";
    String message =
        TestFiles.refusal(TestFiles.write(dir, "quote.csv", text), UploadProblem.UNCLOSED_QUOTE);
    assertTrue(message.contains("starts on line 3"), message);
  }

  @Test
  void theRowsCanBeReadOnce() throws IOException {
    try (UploadFile upload =
        UploadFile.open(
            TestFiles.write(dir, "once.csv", SHORT_HEADER + "\n" + RAM), Limits.DEFAULT)) {
      assertEquals(1, upload.rows().count());
      assertThrows(IllegalStateException.class, upload::rows);
    }
  }
}
