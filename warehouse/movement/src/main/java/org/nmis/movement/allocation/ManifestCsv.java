package org.nmis.movement.allocation;

import java.util.List;
import org.nmis.model.csv.CsvWriter;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;

/**
 * Manifests as plain CSV (RFC 4180, UTF-8 text, header row) for printing at the station and for
 * spreadsheets.
 */
public final class ManifestCsv {
  static final String LINES_HEADER =
      "coach,berth,berth_type,person_id,name,age,gender,group_ref,destination_district_code,destination_district";
  static final String OVERFLOW_HEADER =
      "person_id,name,age,gender,group_ref,destination_district_code,destination_district,reason,detail";

  private ManifestCsv() {}

  /** One row per occupied berth, coach by coach in berth order. */
  public static String lines(Manifest manifest) {
    StringBuilder sb = new StringBuilder(LINES_HEADER).append("\r\n");
    CsvWriter csv = new CsvWriter(sb);
    for (ManifestLine l : manifest.lines()) {
      row(
          csv,
          List.of(l.coach(), String.valueOf(l.berth()), l.berthType().name()),
          l.traveller(),
          List.of());
    }
    return sb.toString();
  }

  /** One row per traveller who got no berth, with the reason. */
  public static String overflow(Manifest manifest) {
    StringBuilder sb = new StringBuilder(OVERFLOW_HEADER).append("\r\n");
    CsvWriter csv = new CsvWriter(sb);
    for (Overflow o : manifest.overflow()) {
      row(csv, List.of(), o.traveller(), List.of(o.reason().name(), o.detail()));
    }
    return sb.toString();
  }

  private static void row(CsvWriter csv, List<String> before, Traveller t, List<String> after) {
    before.forEach(csv::field);
    csv.field(t.id())
        .field(t.name())
        .field(t.age())
        .field(t.gender() == null ? null : t.gender().name())
        .field(t.groupRef())
        .field(t.destinationDistrictCode())
        .field(
            ReferenceData.get()
                .district(t.destinationDistrictCode())
                .map(District::name)
                .orElse(""));
    after.forEach(csv::field);
    csv.endRow();
  }
}
