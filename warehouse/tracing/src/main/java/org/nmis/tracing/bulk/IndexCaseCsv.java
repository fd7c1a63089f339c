package org.nmis.tracing.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Index cases from an uploaded CSV file: the first field of each line, one mobile or person ID per
 * line. A first line naming the column (mobile, person_id, id, index_case) is a header; blank lines
 * are skipped, every other line is an input, so that a malformed one is reported with the others
 * rather than lost.
 */
public final class IndexCaseCsv {
  private static final Set<String> HEADERS =
      Set.of("mobile", "mobilenumber", "personid", "id", "indexcase");

  private IndexCaseCsv() {}

  public static List<String> parse(String csv) {
    List<String> out = new ArrayList<>();
    String text =
        csv.startsWith("\uFEFF") ? csv.substring(1) : csv; // the byte order mark spreadsheets write
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      String field = firstField(lines[i]);
      if (field.isBlank() || i == 0 && isHeader(field)) {
        continue;
      }
      out.add(field);
    }
    return out;
  }

  private static boolean isHeader(String field) {
    String f = field.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    return HEADERS.contains(f);
  }

  /** The first field, unquoted: {@code "98765 43210",x} gives {@code 98765 43210}. */
  private static String firstField(String line) {
    String s = line.strip();
    if (!s.startsWith("\"")) {
      int comma = s.indexOf(',');
      return (comma < 0 ? s : s.substring(0, comma)).strip();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
          sb.append('"');
          i++;
        } else {
          break;
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString().strip();
  }
}
