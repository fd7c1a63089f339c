package org.nmis.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The first sheet of an XLSX workbook, read as a stream. POI opens the package (a ZIP read in
 * place, nothing loaded whole) and finds the parts; the sheet XML is then pulled with StAX one row
 * at a time. StAX rather than POI's SAX {@code XSSFSheetXMLHandler}: a pull parser gives the caller
 * an iterator without a second thread, and the raw stored values, which {@link XlsxValues} writes
 * out exactly.
 */
final class XlsxRows implements RowSource {
  private final OPCPackage workbook;
  private final XlsxSharedStrings strings;
  private final XlsxValues values;
  private final CountingInputStream sheetBytes;
  private final long sheetSize;
  private final XMLStreamReader xml;
  private final long lastRow;
  private final int maxCellChars;
  private long row;
  private volatile boolean done;

  private XlsxRows(
      OPCPackage workbook,
      XlsxSharedStrings strings,
      XlsxValues values,
      PackagePart sheet,
      XMLInputFactory factory,
      int maxCellChars)
      throws IOException, XMLStreamException {
    this.workbook = workbook;
    this.strings = strings;
    this.values = values;
    this.sheetBytes = new CountingInputStream(sheet.getInputStream());
    this.sheetSize = sheet.getSize();
    this.xml = factory.createXMLStreamReader(sheetBytes);
    this.lastRow = rangeEnd(xml);
    this.maxCellChars = maxCellChars;
  }

  static XlsxRows open(Path file, Limits limits) throws IOException {
    OPCPackage workbook = openPackage(file);
    XlsxSharedStrings strings = null;
    try {
      XMLInputFactory factory = XMLHelper.newXMLInputFactory();
      XSSFReader reader = new XSSFReader(workbook);
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      if (!sheets.hasNext()) {
        throw new UploadRejectedException(UploadProblem.EMPTY, "the workbook has no sheet");
      }
      sheets.next().close(); // only its part is wanted, opened below with a byte counter
      PackagePart sheet = sheets.getSheetPart();
      List<PackagePart> stringParts =
          workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
      try (InputStream stringsXml =
          stringParts.isEmpty() ? null : stringParts.get(0).getInputStream()) {
        strings = XlsxSharedStrings.read(stringsXml, factory, limits.maxCellChars());
      }
      XlsxValues values =
          new XlsxValues(reader.getStylesTable(), date1904(reader, factory), strings);
      return new XlsxRows(workbook, strings, values, sheet, factory, limits.maxCellChars());
    } catch (OpenXML4JException | XMLStreamException | POIXMLException e) {
      closeAll(workbook, strings);
      throw damaged(e);
    } catch (IOException | RuntimeException e) {
      closeAll(workbook, strings);
      throw e;
    }
  }

  @Override
  public long next(CellSink sink) throws IOException {
    try {
      while (!done && xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
          return readRow(sink);
        }
        if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
          done = true;
        }
      }
      done = true;
      return -1;
    } catch (XMLStreamException e) {
      throw damaged(e);
    }
  }

  @Override
  public OptionalLong recordsAfterHeader(long headerLine, long recordsThroughHeader) {
    return lastRow > headerLine ? OptionalLong.of(lastRow - headerLine) : OptionalLong.empty();
  }

  @Override
  public double progress() {
    if (done) {
      return 1;
    }
    return sheetSize > 0 ? Math.min(1, (double) sheetBytes.count() / sheetSize) : 0;
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Closing a reader of a file part cannot lose data; the stream itself is closed below.
    }
    sheetBytes.close();
    closeAll(workbook, strings);
  }

  private long readRow(CellSink sink) throws XMLStreamException {
    String reference = xml.getAttributeValue(null, "r");
    row = reference == null ? row + 1 : rowNumber(reference);
    int column = -1;
    while (true) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
        column = readCell(sink, column);
      } else if (event == XMLStreamConstants.START_ELEMENT) {
        XmlText.skip(xml);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        return row;
      }
    }
  }

  /**
   * Reads one {@code <c>}; returns its column. Cells without a reference follow the previous one.
   */
  private int readCell(CellSink sink, int previous) throws XMLStreamException {
    String reference = xml.getAttributeValue(null, "r");
    int column = reference == null ? previous + 1 : Cells.columnIndex(reference);
    String type = xml.getAttributeValue(null, "t");
    String style = xml.getAttributeValue(null, "s");
    String stored = null;
    while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (xml.getLocalName()) {
        case "v" -> stored = XmlText.plain(xml, maxCellChars);
        case "is" -> stored = XmlText.rich(xml, maxCellChars);
        default -> XmlText.skip(xml); // <f>: the formula; its cached result is in <v>
      }
    }
    if (stored != null && column >= 0) {
      sink.cell(column, Cells.bounded(values.value(type, style, stored), maxCellChars));
    }
    return column;
  }

  /** The last row of the range the sheet declares ({@code <dimension ref="A1:Q100001"/>}), or 0. */
  private static long rangeEnd(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      if (xml.next() == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        if ("dimension".equals(name)) {
          String range = xml.getAttributeValue(null, "ref");
          return range == null ? 0 : Cells.rowNumber(range.substring(range.indexOf(':') + 1));
        }
        if ("sheetData".equals(name)) {
          return 0;
        }
      }
    }
    return 0;
  }

  /**
   * Workbooks from old Macs count dates from 1904; workbook.xml says so in {@code <workbookPr
   * date1904>}.
   */
  private static boolean date1904(XSSFReader reader, XMLInputFactory factory)
      throws IOException, OpenXML4JException, XMLStreamException {
    try (InputStream in = reader.getWorkbookData()) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT) {
            if ("workbookPr".equals(xml.getLocalName())) {
              String value = xml.getAttributeValue(null, "date1904");
              return "1".equals(value) || "true".equals(value);
            }
            if ("sheets".equals(xml.getLocalName())) {
              return false;
            }
          }
        }
        return false;
      } finally {
        xml.close();
      }
    }
  }

  private static OPCPackage openPackage(Path file) {
    try {
      return OPCPackage.open(file.toFile(), PackageAccess.READ);
    } catch (OpenXML4JException | RuntimeException e) {
      throw damaged(e);
    }
  }

  private long rowNumber(String reference) {
    long n = Cells.rowNumber(reference);
    if (n <= 0) {
      throw new UploadRejectedException(
          UploadProblem.DAMAGED_WORKBOOK,
          "the row after row " + row + " has no valid row number ('" + reference + "')");
    }
    return n;
  }

  private static void closeAll(OPCPackage workbook, XlsxSharedStrings strings) throws IOException {
    workbook
        .revert(); // read-only: revert() closes without the attempt to save that close() would make
    if (strings != null) {
      strings.close();
    }
  }

  private static UploadRejectedException damaged(Exception e) {
    return new UploadRejectedException(
        UploadProblem.DAMAGED_WORKBOOK, "the workbook cannot be read (" + e.getMessage() + ")");
  }
}
