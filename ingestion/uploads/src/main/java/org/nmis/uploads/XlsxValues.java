package org.nmis.uploads;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The text a state typed into a cell, from the cell's stored value, type and style.
 *
 * <p>Numbers are written out in full from the stored value, never through Excel's display format: a
 * mobile stored as 9.87654321E9 comes out "9876543210", a code stored as 27.0 comes out "27", and a
 * 12-digit Aadhaar number is not shortened to 4.99012E+11 as Excel's "General" format would show
 * it. Numbers formatted as dates come out as YYYY-MM-DD, one of the formats the validator reads.
 */
final class XlsxValues {
  private final StylesTable styles;
  private final boolean date1904;
  private final XlsxSharedStrings strings;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();

  /** styles may be null: a workbook without a styles part has only unformatted numbers. */
  XlsxValues(StylesTable styles, boolean date1904, XlsxSharedStrings strings) {
    this.styles = styles;
    this.date1904 = date1904;
    this.strings = strings;
  }

  /**
   * @param type the cell's {@code t} attribute (null for a number)
   * @param style the cell's {@code s} attribute (null for the default style)
   * @param stored the text of its {@code <v>} or {@code <is>} element
   */
  String value(String type, String style, String stored) {
    if (type == null || type.equals("n")) {
      return number(stored, isDate(style));
    }
    return switch (type) {
      case "s" -> strings.get(index(stored));
      case "b" -> stored.strip().equals("1") ? "TRUE" : "FALSE";
      // An ISO 8601 date-time (strict OOXML); travel_date wants the date part.
      case "d" -> stored.contains("T") ? stored.substring(0, stored.indexOf('T')) : stored;
      default -> stored; // inlineStr, str (a formula's text result), e (an error such as #N/A)
    };
  }

  String number(String stored, boolean date) {
    String s = stored.strip();
    try {
      if (date) {
        double serial = Double.parseDouble(s);
        if (DateUtil.isValidExcelDate(serial)) {
          return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
        }
      }
      return new BigDecimal(s).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return stored; // not a number after all: keep it as typed, the validator will say what is
      // wrong
    }
  }

  private boolean isDate(String style) {
    if (styles == null) {
      return false;
    }
    int index = style == null ? 0 : index(style);
    return dateStyles.computeIfAbsent(
        index,
        i -> {
          XSSFCellStyle cellStyle = styles.getNumCellStyles() > i ? styles.getStyleAt(i) : null;
          return cellStyle != null
              && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
  }

  private static int index(String stored) {
    try {
      return Integer.parseInt(stored.strip());
    } catch (NumberFormatException e) {
      throw new UploadRejectedException(
          UploadProblem.DAMAGED_WORKBOOK,
          "a cell refers to a shared string or style '" + stored + "' that is not a number");
    }
  }
}
