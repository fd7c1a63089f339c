package org.nmis.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A CSV file, read in two passes. The first, at open, only counts records and checks that the bytes
 * are UTF-8 and every quote is closed: it is cheap (no strings are made) and lets the row limit and
 * the encoding be file-level errors before any row is handed out. The second reads the records.
 */
final class CsvRows implements RowSource {
  private static final CsvTokenizer.Cells IGNORE = (column, bytes, length) -> {};

  private final InputStream in;
  private final CsvTokenizer tokenizer;
  private final long size;
  private final long records;
  private final int maxCellChars;

  private CsvRows(
      InputStream in, CsvTokenizer tokenizer, long size, long records, int maxCellChars) {
    this.in = in;
    this.tokenizer = tokenizer;
    this.size = size;
    this.records = records;
    this.maxCellChars = maxCellChars;
  }

  static CsvRows open(Path file, Limits limits) throws IOException {
    long records = 0;
    try (InputStream check = new Utf8Check(Files.newInputStream(file))) {
      CsvTokenizer counter = new CsvTokenizer(check, fieldBytes(limits));
      while (counter.next(IGNORE) >= 0) {
        records++;
      }
    }
    InputStream in = Files.newInputStream(file);
    try {
      return new CsvRows(
          in,
          new CsvTokenizer(in, fieldBytes(limits)),
          Files.size(file),
          records,
          limits.maxCellChars());
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  @Override
  public long next(CellSink sink) throws IOException {
    return tokenizer.next(
        (column, bytes, length) ->
            sink.cell(
                column,
                Cells.bounded(new String(bytes, 0, length, StandardCharsets.UTF_8), maxCellChars)));
  }

  @Override
  public OptionalLong recordsAfterHeader(long headerLine, long recordsThroughHeader) {
    return OptionalLong.of(records - recordsThroughHeader);
  }

  @Override
  public double progress() {
    return size == 0 ? 1 : Math.min(1, (double) tokenizer.bytesRead() / size);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /**
   * Four bytes per character is the most UTF-8 needs, so a cut buffer always decodes to more than
   * the limit.
   */
  private static int fieldBytes(Limits limits) {
    return 4 * limits.maxCellChars() + 4;
  }
}
