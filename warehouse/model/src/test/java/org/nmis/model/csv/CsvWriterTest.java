package org.nmis.model.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void writesRfc4180LinesWithCrLf() {
    StringBuilder sb = new StringBuilder();
    new CsvWriter(sb).row("a", "b c", null, 7).field("x").field("").endRow();
    assertEquals("a,b c,,7\r\nx,\r\n", sb.toString());
  }

  @Test
  void quotesCommasQuotesAndLineBreaks() {
    assertEquals("\"Kumar, Ram\"", CsvWriter.escape("Kumar, Ram"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.escape("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvWriter.escape("two\nlines"));
    assertEquals("\"cr\rhere\"", CsvWriter.escape("cr\rhere"));
    assertEquals("राम कुमार", CsvWriter.escape("राम कुमार"));
  }

  @Test
  void makesFormulasTextButLeavesNumbersAlone() {
    for (String f : Arrays.asList("=1+1", "+X", "-2+3", "@SUM(A1)", "\tx", "+", "-2+cmd|x")) {
      assertEquals("'" + f, CsvWriter.escape(f), f);
    }
    assertEquals(
        "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvWriter.escape("=HYPERLINK(\"x\",\"y\")"));
    assertEquals("-2", CsvWriter.escape(-2));
    assertEquals("-2", CsvWriter.escape("-2"));
    assertEquals("+917000000102", CsvWriter.escape("+917000000102"));
    assertEquals("+91XXXXXX0102", CsvWriter.escape("+91XXXXXX0102"), "a masked mobile as stored");
    assertEquals("-2.5", CsvWriter.escape(-2.5));
  }

  @Test
  void aFailedWriteSaysWhatToDo() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] c, int off, int len) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> new CsvWriter(broken).row("a"));
    assertEquals(
        true, e.getMessage().startsWith("NMIS-CSV-001: writing a CSV file failed (disk full)"));
  }
}
