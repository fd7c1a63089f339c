package org.nmis.uploads;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A minimal XLSX package written from XML by hand, for what POI's writers never produce but other
 * tools do: no styles part, rows and cells without references, phonetic runs, the 1904 date system,
 * no declared range.
 */
final class RawXlsx {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private RawXlsx() {}

  /** Style 1 of {@link #write}'s styles: Excel's built-in date format 14 (m/d/yyyy). */
  static final String DATE_STYLE =
      "<cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>";

  /**
   * Writes a workbook with one sheet of sheetData (the rows' XML) and, when not null, shared
   * strings (the {@code <si>} elements) and a styles part (its {@code <cellXfs>}).
   */
  static Path write(
      Path file, String sheetData, String sharedStrings, String cellXfs, boolean date1904)
      throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "[Content_Types].xml",
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-"
            + "officedocument.spreadsheetml.worksheet+xml\"/>"
            + (sharedStrings == null
                ? ""
                : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
            + (cellXfs == null
                ? ""
                : "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
            + "</Types>");
    parts.put(
        "_rels/.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\""
            + REL
            + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>");
    parts.put(
        "xl/workbook.xml",
        "<workbook xmlns=\""
            + MAIN
            + "\" xmlns:r=\""
            + REL
            + "\">"
            + (date1904 ? "<workbookPr date1904=\"1\"/>" : "")
            + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    parts.put(
        "xl/_rels/workbook.xml.rels",
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
            + "relationships\"><Relationship Id=\"rId1\" Type=\""
            + REL
            + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + (sharedStrings == null
                ? ""
                : "<Relationship Id=\"rId2\" Type=\""
                    + REL
                    + "/sharedStrings\" "
                    + "Target=\"sharedStrings.xml\"/>")
            + (cellXfs == null
                ? ""
                : "<Relationship Id=\"rId3\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>")
            + "</Relationships>");
    parts.put(
        "xl/worksheets/sheet1.xml",
        "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + sheetData + "</sheetData></worksheet>");
    if (sharedStrings != null) {
      parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\">" + sharedStrings + "</sst>");
    }
    if (cellXfs != null) {
      parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + MAIN + "\">" + cellXfs + "</styleSheet>");
    }
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, String> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return file;
  }

  /** A row of inline-string cells without cell references. */
  static String inlineRow(String... values) {
    StringBuilder row = new StringBuilder("<row>");
    for (String v : values) {
      row.append("<c t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
    }
    return row.append("</row>").toString();
  }
}
