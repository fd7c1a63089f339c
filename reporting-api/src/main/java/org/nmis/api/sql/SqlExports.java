package org.nmis.api.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nmis.model.csv.CsvWriter;

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
    private final CsvWriter csv;

    CsvExport(Path file) throws IOException {
      this.out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      this.csv = new CsvWriter(out);
    }

    @Override
    public void header(List<String> columns) {
      csv.row(columns);
    }

    @Override
    public void row(Object[] values) {
      for (Object v : values) {
        csv.field(v);
      }
      csv.endRow();
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
