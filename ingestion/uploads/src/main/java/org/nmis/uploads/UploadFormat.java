package org.nmis.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The formats the readers take, told apart by the file's first bytes, never by its name: states
 * rename files, and a .csv that is really an Excel workbook must be read as one (or refused with a
 * message that says what it is).
 */
public enum UploadFormat {
  CSV,
  XLSX;

  private static final int SNIFF_BYTES = 8192;

  static UploadFormat detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (head.length == 0) {
      throw new UploadRejectedException(UploadProblem.EMPTY, "the file is empty (0 bytes)");
    }
    if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
      return zip(file);
    }
    if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
      throw new UploadRejectedException(
          UploadProblem.OLD_OR_PROTECTED_EXCEL,
          "the file is an Excel 97-2003"
              + " workbook (.xls) or a password-protected workbook, which cannot be read as a stream");
    }
    if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
      throw new UploadRejectedException(
          UploadProblem.NOT_UTF8, "the file is UTF-16 text (Excel's \"Unicode Text\"), not UTF-8");
    }
    for (byte b : head) {
      if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        throw new UploadRejectedException(
            UploadProblem.NOT_A_SPREADSHEET,
            String.format(
                Locale.ROOT,
                "the file is binary data (byte 0x%02X near the start), neither an XLSX workbook nor CSV text",
                b));
      }
    }
    return CSV;
  }

  /**
   * An XLSX workbook is a ZIP with xl/workbook.xml; other Office and OpenDocument files are ZIPs
   * too.
   */
  private static UploadFormat zip(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry("xl/workbook.xml") != null) {
        return XLSX;
      }
      String what =
          zip.getEntry("xl/workbook.bin") != null
              ? "an Excel binary workbook (.xlsb)"
              : zip.getEntry("mimetype") != null
                  ? "an OpenDocument file (such as .ods)"
                  : "a ZIP archive without an Excel workbook in it";
      throw new UploadRejectedException(UploadProblem.NOT_A_SPREADSHEET, "the file is " + what);
    } catch (ZipException e) {
      throw new UploadRejectedException(
          UploadProblem.DAMAGED_WORKBOOK,
          "the file starts like an XLSX workbook but is not a readable ZIP ("
              + e.getMessage()
              + ")");
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
