package org.nmis.uploads;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits UTF-8 bytes into RFC 4180 records. It works on bytes because every delimiter is ASCII and
 * never part of a multi-byte character, so the cheap counting pass and the reading pass run the
 * very same state machine.
 *
 * <p>Quoted cells may hold commas, newlines and doubled quotes. Lines end with LF, CRLF or CR. A
 * quote inside an unquoted cell, or text after a closing quote, is kept as typed, as Excel does. A
 * UTF-8 byte-order mark at the start is skipped. A cell longer than the field buffer keeps its
 * first bytes only.
 */
final class CsvTokenizer {
  /** Receives each cell of a record; bytes is reused, so copy what you keep. */
  interface Cells {
    void cell(int column, byte[] bytes, int length);
  }

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private final byte[] field;
  private int position;
  private int limit;
  private int fieldLength;
  private long line = 1;
  private boolean lastWasCr;
  private volatile long bytesRead;

  CsvTokenizer(InputStream in, int maxFieldBytes) throws IOException {
    this.in = in;
    this.field = new byte[maxFieldBytes];
    if (fill()
        && limit >= 3
        && (buffer[0] & 0xFF) == 0xEF
        && (buffer[1] & 0xFF) == 0xBB
        && (buffer[2] & 0xFF) == 0xBF) {
      position = 3;
    }
  }

  /** Reads one record into cells; returns the line it starts on, or -1 at the end of the file. */
  long next(Cells cells) throws IOException {
    long start = line;
    int b = read();
    if (b < 0) {
      return -1;
    }
    int column = 0;
    int state = FIELD_START;
    long quoteLine = 0;
    fieldLength = 0;
    for (; ; b = read()) {
      if (b < 0) {
        if (state == QUOTED) {
          throw new UploadRejectedException(
              UploadProblem.UNCLOSED_QUOTE,
              "the quoted cell that starts on line "
                  + quoteLine
                  + " is never closed, so the rest of the file would be one cell");
        }
        cells.cell(column, field, fieldLength);
        return start;
      }
      if (state == QUOTED) {
        if (b == '"') {
          state = QUOTE_IN_QUOTED;
        } else {
          append(b);
        }
        continue;
      }
      if (state == QUOTE_IN_QUOTED && b == '"') {
        append(b);
        state = QUOTED;
        continue;
      }
      if (state == FIELD_START && b == '"') {
        state = QUOTED;
        quoteLine = line;
        continue;
      }
      if (b == ',') {
        cells.cell(column++, field, fieldLength);
        fieldLength = 0;
        state = FIELD_START;
      } else if (b == '\n' || b == '\r') {
        if (b == '\r' && peek() == '\n') {
          read();
        }
        cells.cell(column, field, fieldLength);
        return start;
      } else {
        append(b);
        state = UNQUOTED;
      }
    }
  }

  long bytesRead() {
    return bytesRead;
  }

  private void append(int b) {
    if (fieldLength < field.length) {
      field[fieldLength++] = (byte) b;
    }
  }

  private int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    int b = buffer[position++] & 0xFF;
    if (b == '\r' || (b == '\n' && !lastWasCr)) {
      line++;
    }
    lastWasCr = b == '\r';
    return b;
  }

  private int peek() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position] & 0xFF;
  }

  private boolean fill() throws IOException {
    int n = in.read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    bytesRead += n;
    return true;
  }
}
