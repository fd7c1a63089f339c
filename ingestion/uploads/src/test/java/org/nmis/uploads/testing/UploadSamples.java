package org.nmis.uploads.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;

/**
 * Synthetic upload files as states keep them: the standard columns, Hindi and English names,
 * mobiles with and without prefixes, Aadhaar on some rows. Row i (from 0) is on line i + 2. One row
 * in 50 is one the validator rejects (age, mobile, date, gender or district wrong in turn); the
 * uploading state is Maharashtra (27).
 */
public final class UploadSamples {
  public static final int UPLOADING_STATE = RegistrationFixtures.MAHARASHTRA;

  /** The standard columns in data-model order, as a CSV header line. */
  public static final String HEADER =
      Field.SUBMITTED.stream().map(Field::key).collect(Collectors.joining(","));

  private static final String[] NAMES = {
    "Ram Kumar", "सीता देवी", "Mohammed Iqbal", "राजेश यादव", "Lakshmi N."
  };
  private static final String[] GENDERS = {"M", "F", "M", "M", "F"};
  private static final LocalDate FIRST_DAY = LocalDate.of(2020, 5, 1);
  private static final DateTimeFormatter[] DATE_FORMATS = {
    DateTimeFormatter.ISO_LOCAL_DATE,
    DateTimeFormatter.ofPattern("dd-MM-uuuu"),
    DateTimeFormatter.ofPattern("dd/MM/uuuu")
  };
  private static final String[] MOBILE_PREFIXES = {"", "+91 ", "0", "91"};

  private UploadSamples() {}

  public static boolean isBad(int i) {
    return i % 50 == 7;
  }

  public static long lineOf(int i) {
    return i + 2L;
  }

  public static String sourceRecordId(int i) {
    return String.format("MH-PUNE-%07d", i);
  }

  /**
   * Row i's values in {@link Field#SUBMITTED} order: String, Long, Double or LocalDate, null when
   * blank.
   */
  public static List<Object> row(int i) {
    List<Object> v = new ArrayList<>();
    v.add(sourceRecordId(i));
    v.add(NAMES[i % NAMES.length]);
    v.add(18L + i % 60);
    v.add(GENDERS[i % NAMES.length]);
    v.add(9_000_000_000L + i);
    v.add(i % 10 == 0 ? Long.valueOf(RegistrationFixtures.AADHAAR) : null);
    v.add((long) RegistrationFixtures.MAHARASHTRA);
    v.add((long) RegistrationFixtures.PUNE);
    v.add((long) RegistrationFixtures.UTTAR_PRADESH);
    v.add((long) RegistrationFixtures.GORAKHPUR);
    v.add(FIRST_DAY.plusDays(i % 30));
    v.add(i % 3 == 0 ? "BUS" : "TRAIN");
    v.add((long) (i % 5));
    v.add("FAM-" + i / 4);
    v.add(i % 2 == 0 ? "LABOUR" : "STUDENT");
    v.add(i % 3 == 0 ? null : "SHRAMIK-" + (4000 + i % 100));
    if (isBad(i)) {
      switch (i / 50 % 5) {
        case 0 -> v.set(Field.SUBMITTED.indexOf(Field.AGE), 150L);
        case 1 -> v.set(Field.SUBMITTED.indexOf(Field.MOBILE), 12345L);
        case 2 -> v.set(Field.SUBMITTED.indexOf(Field.TRAVEL_DATE), "31-02-2020");
        case 3 -> v.set(Field.SUBMITTED.indexOf(Field.GENDER), "X");
        default -> v.set(Field.SUBMITTED.indexOf(Field.DESTINATION_DISTRICT_CODE), 9999L);
      }
    }
    return v;
  }

  /**
   * A UTF-8 CSV file of rows registrations: dates in the three formats, mobiles with the three
   * prefixes.
   */
  public static void writeCsv(Path file, int rows) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write("\r\n");
      for (int i = 0; i < rows; i++) {
        List<Object> v = row(i);
        for (int c = 0; c < v.size(); c++) {
          if (c > 0) {
            out.write(',');
          }
          out.write(csvText(i, v.get(c), Field.SUBMITTED.get(c)));
        }
        out.write("\r\n");
      }
    }
  }

  /**
   * An XLSX workbook of rows registrations as Excel keeps them: codes, ages and mobiles as numbers,
   * travel dates as date cells (dd-mm-yyyy), text in the shared strings table when sharedStrings
   * (as Excel writes it) or inline.
   */
  public static void writeXlsx(Path file, int rows, boolean sharedStrings) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), 200, true, sharedStrings);
        OutputStream out = Files.newOutputStream(file)) {
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("dd-mm-yyyy"));
      Sheet sheet = wb.createSheet("Registrations");
      Row header = sheet.createRow(0);
      for (int c = 0; c < Field.SUBMITTED.size(); c++) {
        header.createCell(c).setCellValue(Field.SUBMITTED.get(c).key());
      }
      for (int i = 0; i < rows; i++) {
        Row row = sheet.createRow(i + 1);
        List<Object> v = row(i);
        for (int c = 0; c < v.size(); c++) {
          Object value = v.get(c);
          if (value == null) {
            continue;
          }
          Cell cell = row.createCell(c);
          if (value instanceof Long n) {
            cell.setCellValue(n.doubleValue());
          } else if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
          } else {
            cell.setCellValue((String) value);
          }
        }
      }
      wb.write(out);
    }
  }

  private static String csvText(int i, Object value, Field field) {
    if (value == null) {
      return "";
    }
    if (value instanceof LocalDate d) {
      return d.format(DATE_FORMATS[i % DATE_FORMATS.length]);
    }
    if (field == Field.MOBILE) {
      return MOBILE_PREFIXES[i % MOBILE_PREFIXES.length] + value;
    }
    return value.toString();
  }
}
