package org.nmis.uploads.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nmis.model.registration.Field;

/**
 * Writes {@link UploadSamples}' rows as Excel saves them (text in a shared strings table, numbers
 * plain, dates as serials under a date style, the used range declared) straight to XML, in constant
 * memory. POI's SXSSF keeps the shared strings table as XmlBeans objects: 100,000 rows took 30 s to
 * write in a 256 MiB heap and 800,000 distinct strings did not fit, so large test files come from
 * here. {@code ExcelLikeXlsxTest} checks that this and SXSSF give the same rows.
 */
public final class ExcelLikeXlsx {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  private static final long EXCEL_EPOCH = LocalDate.of(1899, 12, 30).toEpochDay();

  /**
   * Recent strings are shared as Excel shares them; IDs seen once drop out, so memory stays flat.
   */
  private static final int SHARED_WINDOW = 1_000;

  private ExcelLikeXlsx() {}

  public static void write(Path file, int rows) throws IOException {
    Path strings = Files.createTempFile("nmis-sample-sst", ".xml");
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      Writer text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
      entry(
          zip,
          text,
          "[Content_Types].xml",
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
              + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
              + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
              + "<Override PartName=\"/xl/workbook.xml\" ContentType=\""
              + TYPE
              + "sheet.main+xml\"/>"
              + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
              + TYPE
              + "worksheet+xml\"/>"
              + "<Override PartName=\"/xl/styles.xml\" ContentType=\""
              + TYPE
              + "styles+xml\"/>"
              + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\""
              + TYPE
              + "sharedStrings+xml\"/></Types>");
      entry(
          zip,
          text,
          "_rels/.rels",
          "<Relationships xmlns=\""
              + PKG_REL
              + "\"><Relationship Id=\"rId1\" Type=\""
              + REL
              + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
      entry(
          zip,
          text,
          "xl/workbook.xml",
          "<workbook xmlns=\""
              + MAIN
              + "\" xmlns:r=\""
              + REL
              + "\"><sheets>"
              + "<sheet name=\"Registrations\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
      entry(
          zip,
          text,
          "xl/_rels/workbook.xml.rels",
          "<Relationships xmlns=\""
              + PKG_REL
              + "\">"
              + "<Relationship Id=\"rId1\" Type=\""
              + REL
              + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
              + "<Relationship Id=\"rId2\" Type=\""
              + REL
              + "/styles\" Target=\"styles.xml\"/>"
              + "<Relationship Id=\"rId3\" Type=\""
              + REL
              + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
              + "</Relationships>");
      entry(
          zip,
          text,
          "xl/styles.xml",
          "<styleSheet xmlns=\""
              + MAIN
              + "\"><numFmts count=\"1\">"
              + "<numFmt numFmtId=\"164\" formatCode=\"dd\\-mm\\-yyyy\"/></numFmts><cellXfs count=\"2\">"
              + "<xf numFmtId=\"0\"/><xf numFmtId=\"164\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");

      int count;
      try (SharedStrings shared = new SharedStrings(strings)) {
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        text.write(
            "<worksheet xmlns=\""
                + MAIN
                + "\"><dimension ref=\"A1:P"
                + (rows + 1)
                + "\"/><sheetData>");
        text.write("<row r=\"1\">");
        for (int c = 0; c < Field.SUBMITTED.size(); c++) {
          text.write(cell(c, 1, "t=\"s\"", shared.index(Field.SUBMITTED.get(c).key())));
        }
        text.write("</row>");
        for (int i = 0; i < rows; i++) {
          long line = UploadSamples.lineOf(i);
          text.write("<row r=\"" + line + "\">");
          List<Object> values = UploadSamples.row(i);
          for (int c = 0; c < values.size(); c++) {
            Object v = values.get(c);
            if (v instanceof String s) {
              text.write(cell(c, line, "t=\"s\"", shared.index(s)));
            } else if (v instanceof LocalDate d) {
              text.write(cell(c, line, "s=\"1\"", Long.toString(d.toEpochDay() - EXCEL_EPOCH)));
            } else if (v != null) {
              text.write(cell(c, line, null, v.toString()));
            }
          }
          text.write("</row>");
        }
        text.write("</sheetData></worksheet>");
        text.flush();
        zip.closeEntry();
        count = shared.count;
      }
      zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
      text.write("<sst xmlns=\"" + MAIN + "\" uniqueCount=\"" + count + "\">");
      text.flush();
      Files.copy(strings, zip);
      text.write("</sst>");
      text.flush();
      zip.closeEntry();
    } finally {
      Files.deleteIfExists(strings);
    }
  }

  private static void entry(ZipOutputStream zip, Writer text, String name, String xml)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    text.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml);
    text.flush();
    zip.closeEntry();
  }

  private static String cell(int column, long line, String attribute, String value) {
    String ref = (char) ('A' + column) + Long.toString(line);
    return "<c r=\""
        + ref
        + "\""
        + (attribute == null ? "" : " " + attribute)
        + "><v>"
        + value
        + "</v></c>";
  }

  /** The shared strings written so far, to a file, with a window of recent ones to share. */
  private static final class SharedStrings implements AutoCloseable {
    private final Writer out;
    private final Map<String, Integer> recent =
        new LinkedHashMap<>(SHARED_WINDOW * 2, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > SHARED_WINDOW;
          }
        };
    private int count;

    SharedStrings(Path file) throws IOException {
      out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    String index(String s) throws IOException {
      Integer known = recent.get(s);
      if (known == null) {
        known = count++;
        recent.put(s, known);
        out.write(
            "<si><t>"
                + s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                + "</t></si>");
      }
      return known.toString();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
