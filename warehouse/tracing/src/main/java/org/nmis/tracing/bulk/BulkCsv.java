package org.nmis.tracing.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.nmis.model.csv.CsvWriter;
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
    CsvWriter csv = header(out);
    for (DistrictList d : districts) {
      rows(d, csv);
    }
  }

  /** One district's list, with the header. */
  public static void writeDistrict(DistrictList district, Appendable out) {
    rows(district, header(out));
  }

  /** The inputs that were not traced, with reasons: reported, not dropped. */
  public static void writeUnresolved(BulkReport report, Appendable out) {
    CsvWriter csv = written(() -> new CsvWriter(out).row(UNRESOLVED_HEADER.split(",")));
    for (UnresolvedInput u : report.unresolved()) {
      written(() -> csv.row(u.position(), u.input(), u.reason(), u.message()));
    }
  }

  private static CsvWriter header(Appendable out) {
    return written(() -> new CsvWriter(out).row(List.of(HEADER.split(","))));
  }

  private static void rows(DistrictList d, CsvWriter csv) {
    String district = d.districtName();
    // Field by field: a million rows are written, and building each line first doubles the work.
    written(
        () -> {
          for (ExposedPerson p : d.persons()) {
            csv.field(d.stateCode())
                .field(d.districtCode())
                .field(district)
                .field(p.personId().value())
                .field(p.name())
                .field(p.mobile())
                .field(p.personsAccompanying())
                .field(p.travellers())
                .field(p.level().name())
                .field(String.join(" ", p.indexCasesMet().stream().map(PersonId::value).toList()))
                .field(p.indexCase())
                .field(p.lastExposure())
                .field(p.followUpUntil())
                .endRow();
          }
          return csv;
        });
  }

  /** Runs a write, naming the follow-up list when it fails. */
  private static CsvWriter written(Supplier<CsvWriter> write) {
    try {
      return write.get();
    } catch (UncheckedIOException e) {
      throw failed(e.getCause());
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
