package org.nmis.uploads;

/**
 * How much of a file the readers accept. Memory does not grow with the file: these bound the work
 * and the size of one row.
 *
 * @param maxBytes the largest file, checked before anything is read
 * @param maxRows the most records after the header row, blank ones included. CSV files are counted
 *     before the first row is handed out; an XLSX sheet is checked against the range it declares
 *     (as Excel writes it), and otherwise while reading, where the stream of rows fails with {@link
 *     UploadProblem#TOO_MANY_ROWS}
 * @param maxColumns the most named cells the header row may have
 * @param maxCellChars the longest cell value kept. A longer one is cut there and ends with "…", a
 *     character no field accepts, so the row is rejected by validation rather than by the reader
 */
public record Limits(long maxBytes, long maxRows, int maxColumns, int maxCellChars) {
  /**
   * 200 MiB; 2,000,000 rows (an Excel sheet holds at most 1,048,575 under its header, so only a CSV
   * file can exceed this); 64 columns (the model has 16 a file may carry); 1,000 characters (the
   * longest field allows 100).
   */
  public static final Limits DEFAULT = new Limits(200L * 1024 * 1024, 2_000_000, 64, 1_000);

  public Limits {
    if (maxBytes <= 0 || maxRows <= 0 || maxColumns <= 0 || maxCellChars <= 0) {
      throw new IllegalArgumentException(
          "NMIS-UPL-010: upload limits must all be positive, got "
              + maxBytes
              + " bytes, "
              + maxRows
              + " rows, "
              + maxColumns
              + " columns, "
              + maxCellChars
              + " characters per cell");
    }
  }
}
