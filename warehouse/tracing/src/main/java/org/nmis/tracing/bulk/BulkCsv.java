package org.nmis.tracing.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.nmis.model.ids.PersonId;

/**
 * The follow-up lists as CSV (RFC 4180, header line, CRLF; the caller encodes the characters as
 * UTF-8). One file with the destination district in the first columns, rows by district code, then
 * level, then person ID: a team filters its district in any spreadsheet, and the service can cut
 * one file per district from {@link BulkReport#districts()} with {@link #writeDistrict}. Mobiles
 * are written in full: the lists are for the health teams who call the contacts; the web layer
 * decides who may download them.
 */
public final class BulkCsv {
  static final String HEADER =
      "destination_state_code,destination_district_code,destination_district,person_id,"
          + "name,mobile,persons_accompanying,travellers_exposed,exposure_level,index_cases,is_index_case,"
          + "last_exposure,follow_up_until";
  static final String UNRESOLVED_HEADER = "position,input,reason,message";
  private static final String EOL = "\r\n";

  private BulkCsv() {}

  /** Every district's list, one header. */
  public static void write(BulkReport report, Appendable out) {
    writeDistricts(report.districts(), out);
  }

  /**
   * The given lists under one header: one district's (a district may hold lists of two states), or
   * all.
   */
  public static void writeDistricts(List<DistrictList> districts, Appendable out) {
    line(out, HEADER);
    for (DistrictList d : districts) {
      rows(d, out);
    }
  }

  /** One district's list, with the header. */
  public static void writeDistrict(DistrictList district, Appendable out) {
    line(out, HEADER);
    rows(district, out);
  }

  /** The inputs that were not traced, with reasons: reported, not dropped. */
  public static void writeUnresolved(BulkReport report, Appendable out) {
    line(out, UNRESOLVED_HEADER);
    for (UnresolvedInput u : report.unresolved()) {
      line(out, u.position() + "," + text(u.input()) + "," + u.reason() + "," + text(u.message()));
    }
  }

  private static void rows(DistrictList d, Appendable out) {
    String district = text(d.districtName());
    String prefix = d.stateCode() + "," + d.districtCode() + "," + district + ",";
    try {
      // Field by field: a million rows are written, and building each line as a string first
      // doubles the work.
      for (ExposedPerson p : d.persons()) {
        out.append(prefix)
            .append(p.personId().value())
            .append(',')
            .append(text(p.name()))
            .append(',')
            .append(p.mobile() == null ? "" : p.mobile())
            .append(',')
            .append(Integer.toString(p.personsAccompanying()))
            .append(',')
            .append(Integer.toString(p.travellers()))
            .append(',')
            .append(p.level().name())
            .append(',');
        List<PersonId> met = p.indexCasesMet();
        for (int i = 0; i < met.size(); i++) {
          out.append(i == 0 ? "" : " ").append(met.get(i).value());
        }
        out.append(',')
            .append(p.indexCase() ? "true" : "false")
            .append(',')
            .append(p.lastExposure().toString())
            .append(',')
            .append(p.followUpUntil().toString())
            .append(EOL);
      }
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * Free text as a CSV field: quoted when it holds a comma, quote or line break; a leading = + - @
   * or tab gets an apostrophe, so that a name typed into a state sheet as a formula is not run by
   * the spreadsheet that opens it.
   */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }

  private static void line(Appendable out, String line) {
    try {
      out.append(line).append(EOL);
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Also for {@link BulkXlsx}: the same failure whichever format was being written. */
  static UncheckedIOException failed(IOException e) {
    return new UncheckedIOException(
        "NMIS-TRC-103: writing the follow-up list failed ("
            + e.getMessage()
            + "); check the disk or connection the list is written to and run the job again",
        e);
  }

  /**
   * The columns of {@link #HEADER}, for tests and for writers of other formats (XLSX) to keep the
   * same order.
   */
  public static List<String> columns() {
    return List.of(HEADER.split(","));
  }
}
