package org.nmis.model.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The project's one CSV writer: RFC 4180 fields, comma separated, CRLF line ends; the caller
 * encodes the characters (UTF-8 everywhere in NMIS). Every export goes through it: manifests,
 * follow-up lists, governed SQL exports, upload error reports.
 *
 * <p>Text that starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe:
 * names and values come from state spreadsheets and from the public, and a cell typed as a formula
 * must not run in the spreadsheet of the officer who opens the file (CSV injection). Numbers, and
 * text that is only a signed number (a mobile number such as +919876543210, masked or not), are
 * written as they are.
 */
public final class CsvWriter {
  private static final String EOL = "\r\n";
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final Appendable out;
  private boolean atLineStart = true;

  public CsvWriter(Appendable out) {
    if (out == null) {
      throw new IllegalArgumentException("a CSV writer needs somewhere to write");
    }
    this.out = out;
  }

  /** One whole line: the values in order, then the line end. */
  public CsvWriter row(List<?> values) {
    for (Object v : values) {
      field(v);
    }
    return endRow();
  }

  /** One whole line; a null value is an empty field. */
  public CsvWriter row(Object... values) {
    return row(Arrays.asList(values));
  }

  /**
   * The next field of the current line; null is an empty field. For long exports written field by
   * field, without building a line first.
   */
  public CsvWriter field(Object value) {
    try {
      if (!atLineStart) {
        out.append(',');
      }
      out.append(escape(value));
      atLineStart = false;
      return this;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** Ends the current line. */
  public CsvWriter endRow() {
    try {
      out.append(EOL);
      atLineStart = true;
      return this;
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /**
   * A value as one CSV field: empty for null; quoted when it holds a comma, a quote or a line
   * break; made text with an apostrophe when it would start a formula.
   */
  public static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (value instanceof Number) {
      return s;
    }
    if (!s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 && !isSignedNumber(s)) {
      s = "'" + s;
    }
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /**
   * A mobile number such as +919876543210 or a negative figure: a spreadsheet reads it as the
   * number it is, nothing runs.
   */
  /**
   * A sign and then only digits, a decimal point, or the X of a masked digit ({@code
   * +91XXXXXX3210}): nothing a spreadsheet could call or refer to, so it is written as stored.
   */
  private static boolean isSignedNumber(String s) {
    int digits = 0;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c != '.' && c != 'X') {
        return false;
      }
    }
    return digits > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-');
  }

  private static UncheckedIOException failed(IOException e) {
    return new UncheckedIOException(
        "NMIS-CSV-001: writing a CSV file failed ("
            + e.getMessage()
            + "); check the disk or the connection it is written to, then ask for it again",
        e);
  }
}
