package org.nmis.movement.allocation;

import java.util.ArrayList;
import java.util.List;
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
    for (ManifestLine l : manifest.lines()) {
      row(
          sb,
          List.of(l.coach(), String.valueOf(l.berth()), l.berthType().name()),
          l.traveller(),
          List.of());
    }
    return sb.toString();
  }

  /** One row per traveller who got no berth, with the reason. */
  public static String overflow(Manifest manifest) {
    StringBuilder sb = new StringBuilder(OVERFLOW_HEADER).append("\r\n");
    for (Overflow o : manifest.overflow()) {
      row(sb, List.of(), o.traveller(), List.of(o.reason().name(), o.detail()));
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> before, Traveller t, List<String> after) {
    List<String> cells = new ArrayList<>(before);
    cells.add(t.id());
    cells.add(t.name());
    cells.add(t.age() == null ? "" : t.age().toString());
    cells.add(t.gender() == null ? "" : t.gender().name());
    cells.add(t.groupRef() == null ? "" : t.groupRef());
    cells.add(String.valueOf(t.destinationDistrictCode()));
    cells.add(
        ReferenceData.get().district(t.destinationDistrictCode()).map(District::name).orElse(""));
    cells.addAll(after);
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /**
   * Quotes a cell holding a comma, quote or line break; a leading =, +, - or @ is made text for
   * spreadsheets.
   */
  static String quote(String cell) {
    String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    if (safe.indexOf(',') < 0
        && safe.indexOf('"') < 0
        && safe.indexOf('\n') < 0
        && safe.indexOf('\r') < 0) {
      return safe;
    }
    return '"' + safe.replace("\"", "\"\"") + '"';
  }
}
