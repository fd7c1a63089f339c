package org.nmis.uploads;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Passes bytes through and refuses the first sequence that is not UTF-8 (overlong forms and
 * surrogates included), naming its line. Used by the counting pass, so a CSV saved in a Windows
 * code page is refused before any row is read rather than half-way through.
 */
final class Utf8Check extends FilterInputStream {
  private int pending;
  private int lead;
  private int low = 0x80;
  private int high = 0xBF;
  private long line = 1;
  private boolean lastWasCr;

  Utf8Check(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      atEnd();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] bytes, int offset, int length) throws IOException {
    int n = super.read(bytes, offset, length);
    if (n < 0) {
      atEnd();
    }
    for (int i = 0; i < n; i++) {
      check(bytes[offset + i] & 0xFF);
    }
    return n;
  }

  private void check(int b) {
    if (pending > 0) {
      if (b < low || b > high) {
        refuse(String.format(Locale.ROOT, "0x%02X 0x%02X", lead, b));
      }
      pending--;
      low = 0x80;
      high = 0xBF;
      return;
    }
    if (b == '\r' || (b == '\n' && !lastWasCr)) {
      line++;
    }
    lastWasCr = b == '\r';
    if (b < 0x80) {
      return;
    }
    lead = b;
    if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      low = b == 0xE0 ? 0xA0 : 0x80;
      high = b == 0xED ? 0x9F : 0xBF;
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      low = b == 0xF0 ? 0x90 : 0x80;
      high = b == 0xF4 ? 0x8F : 0xBF;
    } else {
      refuse(String.format(Locale.ROOT, "0x%02X", b));
    }
  }

  private void atEnd() {
    if (pending > 0) {
      throw new UploadRejectedException(
          UploadProblem.NOT_UTF8,
          "the file ends in the middle of a UTF-8 character on line " + line);
    }
  }

  private void refuse(String bytes) {
    throw new UploadRejectedException(
        UploadProblem.NOT_UTF8,
        "line "
            + line
            + " has bytes ("
            + bytes
            + ") that are"
            + " not UTF-8 text: the file was saved in another encoding, often by Excel's plain \"CSV (Comma delimited)\"");
  }
}
