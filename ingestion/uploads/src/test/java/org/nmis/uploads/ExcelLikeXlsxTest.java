package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.uploads.testing.ExcelLikeXlsx;
import org.nmis.uploads.testing.UploadSamples;

/**
 * The large test files are written without POI; they must read exactly like POI's own workbooks.
 */
class ExcelLikeXlsxTest {
  @TempDir Path dir;

  @Test
  void readsLikeTheSameRowsWrittenByPoi() throws IOException {
    Path ours = dir.resolve("ours.xlsx");
    Path poi = dir.resolve("poi.xlsx");
    ExcelLikeXlsx.write(ours, 300);
    UploadSamples.writeXlsx(poi, 300, true);
    List<UploadRow> rows = TestFiles.readAll(ours);
    assertEquals(300, rows.size());
    assertEquals(TestFiles.readAll(poi), rows);
  }
}
