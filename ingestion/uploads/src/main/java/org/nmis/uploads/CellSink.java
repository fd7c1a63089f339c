package org.nmis.uploads;

/**
 * Receives the cells of one row as a reader finds them, so a row with many cells costs no more
 * memory.
 */
interface CellSink {
  /** A cell's text as the state typed it; column counts from 0 (A). */
  void cell(int column, String value);
}
