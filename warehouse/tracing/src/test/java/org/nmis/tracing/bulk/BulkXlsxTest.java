package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.tracing.testing.TracingFixtures.GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_19;
import static org.nmis.tracing.testing.TracingFixtures.PATNA;
import static org.nmis.tracing.testing.TracingFixtures.person;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.exposure.ExposureLevel;

class BulkXlsxTest {
  private final ExposedPerson sita =
      new ExposedPerson(
          person(4),
          "सीता देवी",
          "+919000000004",
          9,
          GORAKHPUR,
          1,
          ExposureLevel.SAME_COACH,
          2,
          List.of(person(5), person(6)),
          false,
          MAY_18,
          MAY_18.plusDays(14));
  private final ExposedPerson formula =
      new ExposedPerson(
          person(7),
          "=SUM(A1:A9)",
          null,
          10,
          PATNA,
          0,
          ExposureLevel.SAME_TRAIN,
          1,
          List.of(person(5)),
          true,
          MAY_19,
          MAY_19.plusDays(14));
  private final BulkReport report =
      new BulkReport(
          MAY_18,
          MAY_19,
          List.of(),
          List.of(
              new UnresolvedInput(3, "98765", UnresolvedReason.MALFORMED, "'98765' is neither")),
          3,
          List.of(),
          List.of(
              new DistrictList(9, GORAKHPUR, List.of(sita)),
              new DistrictList(10, PATNA, List.of(formula))));

  @Test
  void oneSheetPerDistrictThenTheUnresolvedWithTheColumnsOfTheCsv() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    BulkXlsx.write(report, out);

    try (XSSFWorkbook book = read(out)) {
      assertEquals(List.of("148 Gorakhpur", "212 Patna", "unresolved"), sheetNames(book));
      for (int i = 0; i < 2; i++) {
        assertEquals(BulkCsv.columns(), texts(book.getSheetAt(i).getRow(0)));
        assertEquals(1, book.getSheetAt(i).getLastRowNum(), "a header and one person");
      }
      Row r = book.getSheetAt(0).getRow(1);
      assertEquals(9, r.getCell(0).getNumericCellValue());
      assertEquals(GORAKHPUR, r.getCell(1).getNumericCellValue());
      assertEquals("Gorakhpur", r.getCell(2).getStringCellValue());
      assertEquals(person(4).value(), r.getCell(3).getStringCellValue());
      assertEquals("सीता देवी", r.getCell(4).getStringCellValue());
      assertEquals("+919000000004", r.getCell(5).getStringCellValue());
      assertEquals(1, r.getCell(6).getNumericCellValue());
      assertEquals(2, r.getCell(7).getNumericCellValue());
      assertEquals("SAME_COACH", r.getCell(8).getStringCellValue());
      assertEquals(person(5) + " " + person(6), r.getCell(9).getStringCellValue());
      assertFalse(r.getCell(10).getBooleanCellValue());
      assertEquals(MAY_18, r.getCell(11).getLocalDateTimeCellValue().toLocalDate());
      assertEquals(MAY_18.plusDays(14), r.getCell(12).getLocalDateTimeCellValue().toLocalDate());
      assertEquals("yyyy-mm-dd", r.getCell(12).getCellStyle().getDataFormatString());

      Row patna = book.getSheetAt(1).getRow(1);
      Cell name = patna.getCell(4);
      assertEquals(
          CellType.STRING, name.getCellType(), "a name that looks like a formula stays text");
      assertEquals("=SUM(A1:A9)", name.getStringCellValue());
      assertTrue(
          patna.getCell(5) == null || patna.getCell(5).getCellType() == CellType.BLANK,
          "no mobile yet");
      assertTrue(patna.getCell(10).getBooleanCellValue());

      Sheet unresolved = book.getSheet("unresolved");
      assertEquals(List.of("position", "input", "reason", "message"), texts(unresolved.getRow(0)));
      assertEquals(CellType.NUMERIC, unresolved.getRow(1).getCell(0).getCellType());
      assertEquals(
          List.of("3", "98765", "MALFORMED", "'98765' is neither"), texts(unresolved.getRow(1)));
    }
  }

  @Test
  void oneDistrictsFileHasItsSheetAndNoUnresolved() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    BulkXlsx.writeDistricts(List.of(report.districts().get(1)), out);

    try (XSSFWorkbook book = read(out)) {
      assertEquals(List.of("212 Patna"), sheetNames(book));
      assertEquals(person(7).value(), book.getSheetAt(0).getRow(1).getCell(3).getStringCellValue());
    }
  }

  @Test
  void aListLongerThanASheetGoesOnInTheNextSheetOfTheDistrict() throws IOException {
    List<ExposedPerson> many =
        IntStream.rangeClosed(1, 5)
            .mapToObj(
                n ->
                    new ExposedPerson(
                        person(n),
                        "P" + n,
                        null,
                        9,
                        GORAKHPUR,
                        0,
                        ExposureLevel.SAME_COACH,
                        1,
                        List.of(person(9)),
                        false,
                        MAY_18,
                        MAY_19))
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    BulkXlsx.write(List.of(new DistrictList(9, GORAKHPUR, many)), List.of(), out, 2);

    try (XSSFWorkbook book = read(out)) {
      assertEquals(
          List.of("148 Gorakhpur", "148 Gorakhpur (2)", "148 Gorakhpur (3)", "unresolved"),
          sheetNames(book));
      List<String> ids = new ArrayList<>();
      for (int s = 0; s < 3; s++) {
        Sheet sheet = book.getSheetAt(s);
        assertEquals(
            "person_id",
            sheet.getRow(0).getCell(3).getStringCellValue(),
            "every sheet has the header");
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
          ids.add(sheet.getRow(r).getCell(3).getStringCellValue());
        }
      }
      assertEquals(
          many.stream().map(p -> p.personId().value()).toList(), ids, "everyone once, in order");
    }
  }

  @Test
  void sheetNamesAreSafeAtMost31CharactersAndUniqueIgnoringCase() {
    Set<String> taken = new HashSet<>();

    assertEquals(
        "40 Shahid Bhagat Singh Nagar", BulkXlsx.sheetName("40 Shahid Bhagat Singh Nagar", taken));
    assertEquals("1 a_b_c_", BulkXlsx.sheetName("1 a/b?c*", taken));
    String longer = "999 A district name far longer than Excel allows";
    String first = BulkXlsx.sheetName(longer, taken);
    String second = BulkXlsx.sheetName(longer.toUpperCase(), taken);

    assertEquals(31, first.length());
    assertEquals(longer.substring(0, 31), first);
    assertTrue(second.endsWith(" (2)") && second.length() <= 31, second);
    assertEquals(4, taken.size());
  }

  @Test
  void aCellOfIndexCasesIsCutAtExcelsLimitAndSaysHowManyMore() {
    List<PersonId> met = IntStream.range(0, 4_000).mapToObj(n -> person(n + 1)).toList();

    String cell = BulkXlsx.indexCases(met);

    assertTrue(cell.length() <= BulkXlsx.MAX_CELL_TEXT, "length " + cell.length());
    int listed = cell.substring(0, cell.indexOf(" ...")).split(" ").length;
    assertTrue(
        cell.endsWith(" ... and " + (met.size() - listed) + " more (see the CSV result)"), cell);
    assertEquals(person(1) + " " + person(2), BulkXlsx.indexCases(met.subList(0, 2)));
  }

  private static XSSFWorkbook read(ByteArrayOutputStream out) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  private static List<String> sheetNames(XSSFWorkbook book) {
    return IntStream.range(0, book.getNumberOfSheets()).mapToObj(book::getSheetName).toList();
  }

  private static List<String> texts(Row row) {
    List<String> out = new ArrayList<>();
    DataFormatter format = new DataFormatter();
    row.forEach(c -> out.add(format.formatCellValue(c)));
    return out;
  }
}
