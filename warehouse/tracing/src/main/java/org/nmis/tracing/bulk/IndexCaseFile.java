package org.nmis.tracing.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;

/**
 * An uploaded CSV file of index cases, checked as a whole before a job starts. A file that cannot
 * be the list the caller meant (empty, a workbook or other binary file, too large, or without a
 * single line that reads as a mobile or person ID) is refused at once, saying what to send instead.
 * Single bad lines of a good file are inputs like the others: the job reports them with its
 * unresolved inputs. A refused file is a {@link TracingException} whose error names the problem
 * (NMIS-TRC-015 to -018).
 */
public final class IndexCaseFile {
  /**
   * A job's 10,000 index cases take some 150 KB: room for a few more columns, not for the wrong
   * file.
   */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private static final int QUOTED = 40;

  private IndexCaseFile() {}

  /**
   * Reads at most {@link #MAX_BYTES} + 1 bytes, so that a large upload is refused without being
   * read whole.
   */
  public static List<String> read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new TracingException(
          TracingError.FILE_TOO_LARGE,
          "the file is larger than "
              + MAX_BYTES / (1024 * 1024)
              + " MiB, more than a job's index cases take; send one mobile or person ID per line, and split a longer"
              + " list into several jobs");
    }
    return read(bytes);
  }

  /** The index cases of the file, as {@link IndexCaseCsv#parse} reads them. */
  public static List<String> read(byte[] bytes) {
    if (bytes.length == 0) {
      throw new TracingException(
          TracingError.EMPTY_FILE,
          "the file is empty; send a CSV file with one mobile or person ID per" + " line");
    }
    String kind = binaryKind(bytes);
    if (kind != null) {
      throw new TracingException(
          TracingError.FILE_NOT_TEXT,
          "the file is "
              + kind
              + ", not CSV text; save the sheet as CSV"
              + " (UTF-8) with the mobiles or person IDs in the first column, and upload that");
    }
    // Other columns may hold names in a legacy encoding. Only the first field counts, and a valid
    // one is ASCII,
    // so bytes that are not UTF-8 are replaced rather than refused.
    List<String> cases = IndexCaseCsv.parse(new String(bytes, StandardCharsets.UTF_8));
    if (cases.isEmpty()) {
      throw new TracingException(
          TracingError.EMPTY_FILE,
          "the file holds no index cases, only blank lines or a header; send"
              + " one mobile or person ID per line");
    }
    if (cases.stream().noneMatch(IndexCaseFile::readable)) {
      String first = cases.get(0);
      throw new TracingException(
          TracingError.FILE_WITHOUT_INDEX_CASES,
          "none of the file's "
              + cases.size()
              + " lines starts with a"
              + " mobile number or a person ID (the first reads '"
              + (first.length() > QUOTED ? first.substring(0, QUOTED) + "..." : first)
              + "'); check that it is the right file, and put the"
              + " mobiles or person IDs in the first column");
    }
    return cases;
  }

  private static boolean readable(String input) {
    return MobileNumbers.normalise(input).isPresent() || PersonId.parse(input).isPresent();
  }

  /** What binary content the file starts with, or null when it is text. */
  private static String binaryKind(byte[] b) {
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "a ZIP archive (as an XLSX workbook is)";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "an old-style Office file (such as XLS)";
    }
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      return "UTF-16 text (\"Unicode text\")";
    }
    for (byte x : b) {
      if (x == 0) {
        return "binary (it holds NUL bytes)";
      }
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
