package org.nmis.tracing.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.nmis.model.ids.PersonId;

/**
 * The follow-up lists as an XLSX workbook: one sheet per destination district, named "148
 * Gorakhpur", with the columns of {@link BulkCsv#columns()}, and an "unresolved" sheet with the
 * inputs that were not traced. Streamed through POI's SXSSF (a window of rows in memory, the rest
 * in temporary files), because a job of 10,000 index cases lists about a million persons. Cells are
 * typed: codes and counts are numbers, dates are dates, and text stays text, so a name typed as a
 * formula is never run (the CSV needs an apostrophe for that; XLSX does not).
 */
public final class BulkXlsx {
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String UNRESOLVED_SHEET = "unresolved";

  /**
   * Excel's rows per sheet, minus the header: a longer list goes on in a second sheet of the
   * district.
   */
  static final int MAX_ROWS = 1_048_575;

  /** Excel's longest sheet name. */
  static final int MAX_SHEET_NAME = 31;

  /** Excel's longest cell text; a person met by thousands of index cases would pass it. */
  static final int MAX_CELL_TEXT = 32_767;

  private static final int WINDOW = 200;

  private final SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
  private final CellStyle dateStyle;

  /** Sheet names taken so far, in lower case: Excel compares them ignoring case. */
  private final Set<String> names = new HashSet<>();

  private final int maxRows;

  private BulkXlsx(int maxRows) {
    this.maxRows = maxRows;
    this.dateStyle = book.createCellStyle();
    dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
  }

  /** Every district's list, then the unresolved inputs. */
  public static void write(BulkReport report, OutputStream out) {
    write(report.districts(), report.unresolved(), out, MAX_ROWS);
  }

  /**
   * Only the given lists (one district team's file): the unresolved inputs are the job owner's
   * business.
   */
  public static void writeDistricts(List<DistrictList> districts, OutputStream out) {
    write(districts, null, out, MAX_ROWS);
  }

  /**
   * @param unresolved null for no "unresolved" sheet
   */
  static void write(
      List<DistrictList> districts,
      List<UnresolvedInput> unresolved,
      OutputStream out,
      int maxRows) {
    BulkXlsx x = new BulkXlsx(maxRows);
    try (SXSSFWorkbook book = x.book) { // close() also deletes SXSSF's temporary files
      for (DistrictList d : districts) {
        x.district(d);
      }
      if (unresolved != null) {
        x.unresolved(unresolved);
      }
      book.write(out);
    } catch (IOException e) {
      throw BulkCsv.failed(e);
    }
  }

  private void district(DistrictList d) {
    String name = d.districtName();
    String title = d.districtCode() + " " + name;
    Sheet sheet = sheet(title, BulkCsv.columns());
    int next = 1;
    for (ExposedPerson p : d.persons()) {
      if (next > maxRows) {
        sheet = sheet(title, BulkCsv.columns());
        next = 1;
      }
      person(sheet.createRow(next++), d, name, p);
    }
  }

  private void person(Row r, DistrictList d, String districtName, ExposedPerson p) {
    r.createCell(0).setCellValue(d.stateCode());
    r.createCell(1).setCellValue(d.districtCode());
    r.createCell(2).setCellValue(districtName);
    r.createCell(3).setCellValue(p.personId().value());
    r.createCell(4).setCellValue(p.name());
    r.createCell(5).setCellValue(p.mobile()); // null leaves the cell blank, as in the CSV
    r.createCell(6).setCellValue(p.personsAccompanying());
    r.createCell(7).setCellValue(p.travellers());
    r.createCell(8).setCellValue(p.level().name());
    r.createCell(9).setCellValue(indexCases(p.indexCasesMet()));
    r.createCell(10).setCellValue(p.indexCase());
    date(r, 11, p.lastExposure());
    date(r, 12, p.followUpUntil());
  }

  private void date(Row r, int column, LocalDate value) {
    Cell cell = r.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(dateStyle);
  }

  /**
   * The person IDs space-separated as in the CSV, cut to what a cell holds with a pointer to the
   * CSV.
   */
  static String indexCases(List<PersonId> met) {
    StringBuilder sb = new StringBuilder(met.size() * 12);
    for (int i = 0; i < met.size(); i++) {
      String next = (i == 0 ? "" : " ") + met.get(i).value();
      String more = " ... and " + (met.size() - i) + " more (see the CSV result)";
      if (sb.length() + next.length() + more.length() > MAX_CELL_TEXT && i < met.size() - 1) {
        return sb.append(more).toString();
      }
      sb.append(next);
    }
    return sb.toString();
  }

  private void unresolved(List<UnresolvedInput> inputs) {
    Sheet sheet = sheet(UNRESOLVED_SHEET, List.of(BulkCsv.UNRESOLVED_HEADER.split(",")));
    int next = 1;
    for (UnresolvedInput u : inputs) {
      Row r = sheet.createRow(next++);
      r.createCell(0).setCellValue(u.position());
      r.createCell(1).setCellValue(u.input());
      r.createCell(2).setCellValue(u.reason().name());
      r.createCell(3).setCellValue(u.message());
    }
  }

  private Sheet sheet(String title, List<String> columns) {
    Sheet sheet = book.createSheet(sheetName(title, names));
    Row header = sheet.createRow(0);
    for (int i = 0; i < columns.size(); i++) {
      header.createCell(i).setCellValue(columns.get(i));
    }
    sheet.createFreezePane(0, 1); // the header stays in view while a team scrolls its list
    return sheet;
  }

  /**
   * A sheet name Excel accepts and {@code taken} does not hold yet (which it then holds): the
   * characters Excel refuses replaced, cut to 31 characters, and " (2)", " (3)" ... added to a name
   * already taken.
   */
  static String sheetName(String title, Set<String> taken) {
    String safe = WorkbookUtil.createSafeSheetName(title.strip(), '_');
    String name = safe;
    for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      name =
          safe.substring(0, Math.min(safe.length(), MAX_SHEET_NAME - suffix.length())).strip()
              + suffix;
    }
    return name;
  }
}
