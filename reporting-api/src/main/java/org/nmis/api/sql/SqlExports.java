package org.nmis.api.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The file formats of governed SQL exports, written row by row to a spool file. */
final class SqlExports {
  private SqlExports() {}

  /** Where an export goes before it is sent. */
  interface Export extends AutoCloseable {
    void header(List<String> columns);

    void row(Object[] values);

    @Override
    void close() throws IOException;
  }

  /** RFC 4180 CSV in UTF-8, written as it comes. */
  static final class CsvExport implements Export {
    private final BufferedWriter out;

    CsvExport(Path file) throws IOException {
      this.out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void header(List<String> columns) {
      line(columns.toArray());
    }

    @Override
    public void row(Object[] values) {
      line(values);
    }

    private void line(Object[] values) {
      try {
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(cell(values[i]));
        }
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String cell(Object v) {
      if (v == null) {
        return "";
      }
      String s = v.toString();
      boolean quote =
          s.indexOf(',') >= 0
              || s.indexOf('"') >= 0
              || s.indexOf('\n') >= 0
              || s.indexOf('\r') >= 0;
      // A leading = + - @ would make a spreadsheet run the cell as a formula.
      if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
        s = "'" + s;
      }
      return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /**
   * XLSX through POI's streaming workbook: a window of rows in memory, the rest in a temporary
   * file.
   */
  static final class XlsxExport implements Export {
    private final Path file;
    private final org.apache.poi.xssf.streaming.SXSSFWorkbook book =
        new org.apache.poi.xssf.streaming.SXSSFWorkbook(200);
    private final org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("report");
    private int next;

    XlsxExport(Path file) {
      this.file = file;
    }

    @Override
    public void header(List<String> columns) {
      org.apache.poi.ss.usermodel.Row r = sheet.createRow(next++);
      for (int i = 0; i < columns.size(); i++) {
        r.createCell(i).setCellValue(columns.get(i));
      }
    }

    @Override
    public void row(Object[] values) {
      org.apache.poi.ss.usermodel.Row r = sheet.createRow(next++);
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Number n) {
          r.createCell(i).setCellValue(n.doubleValue());
        } else if (v != null) {
          r.createCell(i).setCellValue(v.toString());
        }
      }
    }

    @Override
    public void close() throws IOException {
      try (OutputStream os = Files.newOutputStream(file)) {
        book.write(os);
      } finally {
        book.close();
      }
    }
  }
}
