package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.uploads.testing.UploadSamples;

class XlsxUploadTest {
  private static final String[] SHORT_HEADER = TestFiles.SHORT_HEADER.split(",");

  @TempDir Path dir;

  /**
   * A workbook whose first sheet starts with the short header in row 1; fill adds rows from row 2
   * (index 1).
   */
  private Path workbook(boolean sharedStrings, Consumer<Sheet> fill) throws IOException {
    Path file = dir.resolve("wb.xlsx");
    try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 100, false, sharedStrings);
        OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = wb.createSheet("Registrations");
      Row header = sheet.createRow(0);
      for (int c = 0; c < SHORT_HEADER.length; c++) {
        header.createCell(c).setCellValue(SHORT_HEADER[c]);
      }
      fill.accept(sheet);
      wb.write(out);
    }
    return file;
  }

  /** Writes Ram's row: text cells as text and the codes, age and mobile as numbers. */
  private static Row ram(Sheet sheet, int index, String id) {
    Row row = sheet.createRow(index);
    row.createCell(0).setCellValue("Ram Kumar");
    row.createCell(1).setCellValue(id);
    row.createCell(2).setCellValue(34);
    row.createCell(3).setCellValue("M");
    row.createCell(4).setCellValue(9876543210d);
    row.createCell(5).setCellValue(27);
    row.createCell(6).setCellValue(490);
    row.createCell(7).setCellValue(9);
    row.createCell(8).setCellValue(148);
    row.createCell(9).setCellValue("2020-05-18");
    row.createCell(10).setCellValue("TRAIN");
    return row;
  }

  private static CellStyle format(Workbook wb, String pattern) {
    CellStyle style = wb.createCellStyle();
    style.setDataFormat(wb.createDataFormat().getFormat(pattern));
    return style;
  }

  @Test
  void numbersComeOutAsTypedNotInScientificOrDecimalForm() throws IOException {
    Path file =
        workbook(
            true,
            sheet -> {
              Row row = ram(sheet, 1, "MH-1");
              row.getCell(2).setCellValue(34.0);
              row.getCell(4).setCellValue(9.87654321E9);
              row.createCell(11).setCellValue(Double.parseDouble(RegistrationFixtures.AADHAAR));
              ram(sheet, 2, "MH-2").getCell(2).setCellValue(34.5);
              Row formatted = ram(sheet, 3, "MH-3");
              formatted.getCell(2).setCellStyle(format(sheet.getWorkbook(), "0.00"));
              formatted.getCell(4).setCellStyle(format(sheet.getWorkbook(), "#,##0"));
              sheet.getRow(0).createCell(11).setCellValue("aadhaar");
            });
    List<RegistrationInput> rows = TestFiles.readAll(file).stream().map(UploadRow::input).toList();
    assertEquals("34", rows.get(0).get(Field.AGE));
    assertEquals("9876543210", rows.get(0).get(Field.MOBILE));
    assertEquals("27", rows.get(0).get(Field.ORIGIN_STATE_CODE));
    assertEquals("490", rows.get(0).get(Field.ORIGIN_DISTRICT_CODE));
    assertEquals(RegistrationFixtures.AADHAAR, rows.get(0).get(Field.AADHAAR), "not 4.99012E+11");
    assertEquals(
        "34.5", rows.get(1).get(Field.AGE), "a fraction stays, for the validator to reject");
    assertEquals(
        "34", rows.get(2).get(Field.AGE), "the stored value, not the display format 34.00");
    assertEquals("9876543210", rows.get(2).get(Field.MOBILE), "not 9,876,543,210");
  }

  @Test
  void dateCellsComeOutAsYyyyMmDdAndTextDatesAsTyped() throws IOException {
    Path file =
        workbook(
            true,
            sheet -> {
              Workbook wb = sheet.getWorkbook();
              ram(sheet, 1, "MH-1").getCell(9).setCellValue(LocalDate.of(2020, 5, 18));
              sheet.getRow(1).getCell(9).setCellStyle(format(wb, "dd-mm-yyyy"));
              ram(sheet, 2, "MH-2").getCell(9).setCellValue(LocalDate.of(2020, 6, 5));
              sheet.getRow(2).getCell(9).setCellStyle(format(wb, "d/m/yy"));
              ram(sheet, 3, "MH-3").getCell(9).setCellValue(LocalDateTime.of(2020, 5, 19, 14, 30));
              sheet.getRow(3).getCell(9).setCellStyle(format(wb, "dd-mmm-yyyy hh:mm"));
              ram(sheet, 4, "MH-4").getCell(9).setCellValue("18/05/2020");
              ram(sheet, 5, "MH-5")
                  .getCell(9)
                  .setCellValue(43969); // a date serial without a date format
            });
    assertEquals(
        List.of("2020-05-18", "2020-06-05", "2020-05-19", "18/05/2020", "43969"),
        TestFiles.readAll(file).stream().map(r -> r.input().get(Field.TRAVEL_DATE)).toList());
  }

  @Test
  void devanagariTextIsReadFromSharedAndInlineStrings() throws IOException {
    for (boolean shared : new boolean[] {true, false}) {
      Path file =
          workbook(shared, sheet -> ram(sheet, 1, "BR-1").getCell(0).setCellValue("सीता देवी"));
      assertEquals(
          "सीता देवी",
          TestFiles.readAll(file).get(0).input().get(Field.NAME),
          "shared strings " + shared);
    }
  }

  @Test
  void blankRowsAreSkippedAndRowsKeepExcelsNumbers() throws IOException {
    Path file =
        workbook(
            true,
            sheet -> {
              ram(sheet, 1, "MH-1");
              ram(sheet, 3, "MH-3"); // row 3 (index 2) is missing from the sheet
              Row blank = sheet.createRow(4);
              blank.createCell(0).setCellValue("  ");
              blank.createCell(3).setBlank();
              ram(sheet, 6, "MH-7");
            });
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(OptionalLong.of(6), upload.expectedRows());
      assertEquals(List.of(2L, 4L, 7L), upload.rows().map(UploadRow::lineNumber).toList());
    }
  }

  @Test
  void theHeaderIsTheFirstRowWithTextAndOnlyTheFirstSheetIsRead() throws IOException {
    Path file = dir.resolve("two.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      Sheet first = wb.createSheet("Registrations");
      Row header = first.createRow(2);
      for (int c = 0; c < SHORT_HEADER.length; c++) {
        header.createCell(c + 1).setCellValue(SHORT_HEADER[c].toUpperCase());
      }
      Row row = first.createRow(3);
      row.createCell(1).setCellValue("Ram Kumar");
      row.createCell(2).setCellFormula("\"MH-\"&(1+1)");
      wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
      wb.createSheet("Lookup").createRow(0).createCell(0).setCellValue("not a registration");
      wb.write(out);
    }
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(3, upload.headerLine());
      UploadRow row = upload.rows().findFirst().orElseThrow();
      assertEquals(4, row.lineNumber());
      assertEquals(
          "MH-2", row.input().get(Field.SOURCE_RECORD_ID), "a formula gives its cached result");
    }
  }

  @Test
  void workbooksFromOtherToolsAreReadToo() throws IOException {
    String sheet =
        "<row>"
            + String.join(
                "",
                java.util.Arrays.stream(SHORT_HEADER)
                    .map(h -> "<c t=\"inlineStr\"><is><t>" + h + "</t></is></c>")
                    .toList())
            + "</row>"
            + "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c><v>34</v></c><c t=\"str\"><v>M</v></c>"
            + "<c><v>9.876543210E9</v></c><c><v>27</v></c><c><v>490</v></c><c><v>9</v></c><c t=\"e\"><v>#N/A</v></c>"
            + "<c t=\"d\"><v>2020-05-18T00:00:00</v></c><c t=\"b\"><v>1</v></c></row>";
    String strings =
        "<si><r><t>Ram </t></r><r><rPr><b/></rPr><t>Kumar</t></r><rPh sb=\"0\" eb=\"1\"><t>ラム</t>"
            + "</rPh></si><si><t xml:space=\"preserve\">MH-1 </t></si>";
    Path file = RawXlsx.write(dir.resolve("raw.xlsx"), sheet, strings, null, false);
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(OptionalLong.empty(), upload.expectedRows(), "no declared range");
      UploadRow row = upload.rows().findFirst().orElseThrow();
      assertEquals(2, row.lineNumber(), "rows without a reference follow the previous one");
      assertEquals(
          Map.ofEntries(
              Map.entry(Field.NAME, "Ram Kumar"),
              Map.entry(Field.SOURCE_RECORD_ID, "MH-1 "),
              Map.entry(Field.AGE, "34"),
              Map.entry(Field.GENDER, "M"),
              Map.entry(Field.MOBILE, "9876543210"),
              Map.entry(Field.ORIGIN_STATE_CODE, "27"),
              Map.entry(Field.ORIGIN_DISTRICT_CODE, "490"),
              Map.entry(Field.DESTINATION_STATE_CODE, "9"),
              Map.entry(Field.DESTINATION_DISTRICT_CODE, "#N/A"),
              Map.entry(Field.TRAVEL_DATE, "2020-05-18"),
              Map.entry(Field.MODE, "TRUE")),
          row.input().values());
    }
  }

  @Test
  void datesOfThe1904SystemAreRead() throws IOException {
    String header = RawXlsx.inlineRow(SHORT_HEADER);
    String row =
        "<row><c s=\"1\"><v>42507</v></c></row>"; // 2020-05-18 counted from 1904, 43969 from 1900
    Path mac = RawXlsx.write(dir.resolve("mac.xlsx"), header + row, null, RawXlsx.DATE_STYLE, true);
    assertEquals("2020-05-18", TestFiles.readAll(mac).get(0).input().get(Field.NAME));
    Path windows =
        RawXlsx.write(dir.resolve("win.xlsx"), header + row, null, RawXlsx.DATE_STYLE, false);
    assertEquals("2016-05-17", TestFiles.readAll(windows).get(0).input().get(Field.NAME));
  }

  @Test
  void aSheetWithoutADeclaredRangeIsStoppedAtTheRowLimitWhileReading() throws IOException {
    StringBuilder sheet = new StringBuilder(RawXlsx.inlineRow(SHORT_HEADER));
    for (int i = 0; i < 5; i++) {
      sheet.append(RawXlsx.inlineRow(TestFiles.RAM.replace("MH-1", "MH-" + i).split(",")));
    }
    Path file = RawXlsx.write(dir.resolve("five.xlsx"), sheet.toString(), null, null, false);
    try (UploadFile upload = UploadFile.open(file, new Limits(1 << 20, 3, 64, 100))) {
      var rows = upload.rows().iterator();
      for (int i = 0; i < 3; i++) {
        assertEquals(i + 2, rows.next().lineNumber());
      }
      UploadRejectedException e = assertThrows(UploadRejectedException.class, rows::hasNext);
      assertEquals(UploadProblem.TOO_MANY_ROWS, e.problem());
      assertTrue(
          e.getMessage().contains("more than 3 rows under the header (found at line 5)"),
          e.getMessage());
    }
  }

  @Test
  void aSharedStringOutOfRangeIsADamagedWorkbook() throws IOException {
    String sheet = RawXlsx.inlineRow(SHORT_HEADER) + "<row><c t=\"s\"><v>5</v></c></row>";
    Path file =
        RawXlsx.write(dir.resolve("bad.xlsx"), sheet, "<si><t>only one</t></si>", null, false);
    String message = TestFiles.refusal(file, UploadProblem.DAMAGED_WORKBOOK);
    assertTrue(message.contains("shared string 5 but the workbook has 1"), message);
  }

  @Test
  void theSampleWorkbookReadsLikeTheSampleCsv() throws IOException {
    Path xlsx = dir.resolve("s.xlsx");
    Path csv = dir.resolve("s.csv");
    UploadSamples.writeXlsx(xlsx, 60, true);
    UploadSamples.writeCsv(csv, 60);
    List<UploadRow> fromXlsx = TestFiles.readAll(xlsx);
    List<UploadRow> fromCsv = TestFiles.readAll(csv);
    assertEquals(60, fromXlsx.size());
    for (int i = 0; i < 60; i++) {
      assertEquals(fromCsv.get(i).lineNumber(), fromXlsx.get(i).lineNumber());
      for (Field f :
          List.of(Field.SOURCE_RECORD_ID, Field.NAME, Field.AGE, Field.AADHAAR, Field.GROUP_REF)) {
        assertEquals(
            fromCsv.get(i).input().get(f),
            fromXlsx.get(i).input().get(f),
            f.key() + " of row " + i);
      }
    }
  }
}
