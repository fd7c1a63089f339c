package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.uploads.testing.UploadSamples;

class UploadFormatTest {
  @TempDir Path dir;

  @Test
  void aWorkbookIsReadAsXlsxWhateverItsName() throws IOException {
    Path file = dir.resolve("registrations.csv");
    UploadSamples.writeXlsx(file, 3, true);
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(UploadFormat.XLSX, upload.format());
      assertEquals(3, upload.rows().count());
    }
  }

  @Test
  void textIsReadAsCsvWhateverItsName() throws IOException {
    Path file =
        TestFiles.write(
            dir, "registrations.xlsx", TestFiles.SHORT_HEADER + "\n" + TestFiles.RAM + "\n");
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      assertEquals(UploadFormat.CSV, upload.format());
    }
  }

  @Test
  void anOldExcelWorkbookIsRefusedWithWhatToDo() {
    byte[] xls = new byte[4096];
    new Random(1).nextBytes(xls);
    byte[] ole2 = {
      (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    System.arraycopy(ole2, 0, xls, 0, ole2.length);
    String message =
        TestFiles.refusal(
            TestFiles.write(dir, "old.xls", xls), UploadProblem.OLD_OR_PROTECTED_EXCEL);
    assertTrue(
        message.contains("Excel 97-2003 workbook (.xls) or a password-protected workbook"),
        message);
    assertTrue(message.contains("save it as Excel Workbook (.xlsx) or as CSV UTF-8"), message);
  }

  @Test
  void randomBytesAreNotASpreadsheet() {
    byte[] noise = new byte[10_000];
    new Random(7).nextBytes(noise);
    noise[0] = 0x01;
    String message =
        TestFiles.refusal(
            TestFiles.write(dir, "noise.csv", noise), UploadProblem.NOT_A_SPREADSHEET);
    assertTrue(
        message.contains(
            "the file is binary data (byte 0x01 near the start), neither an XLSX workbook nor"
                + " CSV text. Save it as an Excel Workbook (.xlsx) or as CSV UTF-8"),
        message);
  }

  @Test
  void aPdfIsNotASpreadsheet() {
    byte[] pdf = Arrays.copyOf("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n".getBytes(), 200);
    TestFiles.refusal(TestFiles.write(dir, "list.pdf", pdf), UploadProblem.NOT_A_SPREADSHEET);
  }

  @Test
  void otherZipFilesAreNotSpreadsheets() throws IOException {
    assertTrue(
        TestFiles.refusal(zip("a.zip", "readme.txt"), UploadProblem.NOT_A_SPREADSHEET)
            .contains("a ZIP archive without an Excel workbook in it"));
    assertTrue(
        TestFiles.refusal(zip("a.ods", "mimetype"), UploadProblem.NOT_A_SPREADSHEET)
            .contains("an OpenDocument file (such as .ods)"));
    assertTrue(
        TestFiles.refusal(zip("a.xlsb", "xl/workbook.bin"), UploadProblem.NOT_A_SPREADSHEET)
            .contains("an Excel binary workbook (.xlsb)"));
  }

  @Test
  void aTruncatedWorkbookIsDamaged() throws IOException {
    Path whole = dir.resolve("whole.xlsx");
    UploadSamples.writeXlsx(whole, 50, true);
    byte[] bytes = Files.readAllBytes(whole);
    Path half = TestFiles.write(dir, "half.xlsx", Arrays.copyOf(bytes, bytes.length / 2));
    TestFiles.refusal(half, UploadProblem.DAMAGED_WORKBOOK);
  }

  @Test
  void utf16TextIsRefusedAsNotUtf8() {
    byte[] utf16 =
        (TestFiles.SHORT_HEADER + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[utf16.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(utf16, 0, withBom, 2, utf16.length);
    assertTrue(
        TestFiles.refusal(TestFiles.write(dir, "u16.txt", withBom), UploadProblem.NOT_UTF8)
            .contains("UTF-16 text"));
  }

  @Test
  void anEmptyFileIsEmpty() {
    assertTrue(
        TestFiles.refusal(TestFiles.write(dir, "empty.csv", new byte[0]), UploadProblem.EMPTY)
            .contains("the file is empty (0 bytes)"));
    TestFiles.refusal(
        TestFiles.write(dir, "bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UploadProblem.EMPTY);
  }

  private Path zip(String name, String entry) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write("x".getBytes());
      zip.closeEntry();
    }
    return file;
  }
}
