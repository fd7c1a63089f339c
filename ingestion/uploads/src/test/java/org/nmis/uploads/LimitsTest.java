package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.uploads.testing.UploadSamples;

class LimitsTest {
  @TempDir Path dir;

  private static Limits rows(long maxRows) {
    return new Limits(
        Limits.DEFAULT.maxBytes(),
        maxRows,
        Limits.DEFAULT.maxColumns(),
        Limits.DEFAULT.maxCellChars());
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() {
    byte[] noise = new byte[2_000];
    Path file = TestFiles.write(dir, "big.xls", noise);
    Limits limits = new Limits(1_000, 10, 64, 100);
    String message = TestFiles.refusal(file, limits, UploadProblem.TOO_BIG);
    assertTrue(message.contains("the file has 2,000 bytes, more than the limit of 1,000"), message);
  }

  @Test
  void aCsvFileOverTheRowLimitIsRefusedBeforeAnyRowIsRead() throws IOException {
    Path file = dir.resolve("many.csv");
    UploadSamples.writeCsv(file, 101);
    String message = TestFiles.refusal(file, rows(100), UploadProblem.TOO_MANY_ROWS);
    assertTrue(
        message.contains("the file has 101 rows under the header; the limit is 100"), message);
    try (UploadFile upload = UploadFile.open(file, rows(101))) {
      assertEquals(101, upload.rows().count());
    }
  }

  @Test
  void anXlsxSheetOverTheRowLimitIsRefusedFromTheRangeItDeclares() throws IOException {
    Path file = dir.resolve("many.xlsx");
    UploadSamples.writeXlsx(file, 101, true);
    try (UploadFile upload = UploadFile.open(file, rows(101))) {
      assertEquals(OptionalLong.of(101), upload.expectedRows());
    }
    String message = TestFiles.refusal(file, rows(100), UploadProblem.TOO_MANY_ROWS);
    assertTrue(
        message.contains("the file has 101 rows under the header; the limit is 100"), message);
  }

  @Test
  void limitsMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Limits(0, 1, 1, 1));
    assertTrue(
        e.getMessage().startsWith("NMIS-UPL-010: upload limits must all be positive"),
        e.getMessage());
  }
}
