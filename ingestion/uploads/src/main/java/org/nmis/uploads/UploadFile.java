package org.nmis.uploads;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.nmis.model.registration.Field;

/**
 * An uploaded CSV or XLSX file of registrations, checked as a whole and then read one row at a time
 * in constant memory. {@link #open} does every file-level check that can be done before the rows
 * are used, so its {@link UploadRejectedException} is the place to answer 400; {@link #rows()} then
 * streams the registrations.
 *
 * <pre>{@code
 * try (UploadFile upload = UploadFile.open(saved, Limits.DEFAULT)) {
 *   upload.rows().forEach(row -> validateAndPublish(row.lineNumber(), row.input()));
 * }
 * }</pre>
 *
 * <p>The header row is the first row with any text in it. Completely blank rows are skipped but
 * keep their line numbers. Reading is single-threaded; {@link #progress()} may be called from any
 * thread.
 */
public final class UploadFile implements Closeable {
  private final UploadFormat format;
  private final RowSource source;
  private final Header header;
  private final OptionalLong expectedRows;
  private final long maxRows;
  private long recordsThroughHeader;
  private long recordsAfterHeader;
  private UploadRow next;
  private boolean nextRead;
  private boolean streamed;

  private UploadFile(UploadFormat format, RowSource source, Limits limits) throws IOException {
    this.format = format;
    this.source = source;
    this.maxRows = limits.maxRows();
    this.header = readHeader(source, limits);
    this.expectedRows = source.recordsAfterHeader(header.line(), recordsThroughHeader);
    if (expectedRows.isPresent() && expectedRows.getAsLong() > maxRows) {
      throw tooManyRows(
          String.format(Locale.ROOT, "%,d rows under the header", expectedRows.getAsLong()));
    }
    this.next = readRow();
    this.nextRead = true;
    if (next == null) {
      throw new UploadRejectedException(
          UploadProblem.EMPTY,
          "the file has a header row (line " + header.line() + ") but no registrations under it");
    }
  }

  /**
   * Checks the file and reads its header and first row.
   *
   * @throws UploadRejectedException if the file is bigger than the limit, not an XLSX workbook or
   *     UTF-8 CSV text, empty or header-only, has a header that does not match the standard
   *     columns, or (where countable up front) more rows than the limit
   * @throws IOException if the file cannot be read
   */
  public static UploadFile open(Path file, Limits limits) throws IOException {
    long size = Files.size(file);
    if (size > limits.maxBytes()) {
      throw new UploadRejectedException(
          UploadProblem.TOO_BIG,
          String.format(
              Locale.ROOT,
              "the file has %,d bytes, more than the limit of %,d",
              size,
              limits.maxBytes()));
    }
    UploadFormat format = UploadFormat.detect(file);
    RowSource source =
        format == UploadFormat.CSV ? CsvRows.open(file, limits) : XlsxRows.open(file, limits);
    try {
      return new UploadFile(format, source, limits);
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }

  public UploadFormat format() {
    return format;
  }

  /** The line (CSV) or row (XLSX) of the header. */
  public long headerLine() {
    return header.line();
  }

  /** The fields of the file's columns, in file order: all required ones and any optional ones. */
  public List<Field> columns() {
    return header.columns();
  }

  /**
   * Records after the header, blank ones included, when known before reading them: always for CSV,
   * and for XLSX when the sheet declares its range, as Excel does. An upper bound on {@link
   * #rows()}' count, for progress.
   */
  public OptionalLong expectedRows() {
    return expectedRows;
  }

  /**
   * Share of the file read so far, 0 to 1 (bytes of the CSV file or of the sheet's XML). Any thread
   * may ask.
   */
  public double progress() {
    return source.progress();
  }

  /**
   * The registrations, in file order, read as the stream is consumed; callable once. The stream
   * throws {@link UploadRejectedException} for a problem found only part way through (an XLSX sheet
   * with more rows than the limit and no declared range, or a workbook damaged after its first
   * rows), after the rows before it were handed out; and {@link UncheckedIOException} if the file
   * cannot be read.
   */
  public Stream<UploadRow> rows() {
    if (streamed) {
      throw new IllegalStateException(
          "NMIS-UPL-011: the rows of an upload can be read once; open the file again");
    }
    streamed = true;
    Iterator<UploadRow> iterator =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            if (!nextRead) {
              try {
                next = readRow();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              nextRead = true;
            }
            return next != null;
          }

          @Override
          public UploadRow next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            nextRead = false;
            return next;
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  private Header readHeader(RowSource source, Limits limits) throws IOException {
    while (true) {
      HeaderCells cells = new HeaderCells(limits.maxColumns());
      long line = source.next(cells);
      if (line < 0) {
        throw new UploadRejectedException(
            UploadProblem.EMPTY, "the file has no header row: every row is blank");
      }
      recordsThroughHeader++;
      if (!cells.isBlank()) {
        return Header.of(cells, line);
      }
    }
  }

  private UploadRow readRow() throws IOException {
    while (true) {
      RowBuilder row = header.newRow();
      long line = source.next(row);
      if (line < 0) {
        return null;
      }
      if (++recordsAfterHeader > maxRows) {
        throw tooManyRows(
            String.format(
                Locale.ROOT,
                "more than %,d rows under the header (found at line %d)",
                maxRows,
                line));
      }
      if (!row.isBlank()) {
        return new UploadRow(line, row.build());
      }
    }
  }

  private UploadRejectedException tooManyRows(String found) {
    return new UploadRejectedException(
        UploadProblem.TOO_MANY_ROWS,
        String.format(Locale.ROOT, "the file has %s; the limit is %,d", found, maxRows));
  }
}
