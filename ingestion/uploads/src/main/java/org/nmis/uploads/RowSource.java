package org.nmis.uploads;

import java.io.Closeable;
import java.io.IOException;
import java.util.OptionalLong;

/** The records of one file format, read forward once. */
interface RowSource extends Closeable {
  /**
   * Reads the next record's cells into sink; returns the line (CSV) or row (XLSX) number it starts
   * on, or -1 after the last one.
   */
  long next(CellSink sink) throws IOException;

  /**
   * How many records follow the header, blank ones included, when that is known without reading
   * them.
   *
   * @param recordsThroughHeader records {@link #next} returned up to and including the header
   */
  OptionalLong recordsAfterHeader(long headerLine, long recordsThroughHeader);

  /** Share of the file read so far, 0 to 1. Safe to call from any thread. */
  double progress();
}
