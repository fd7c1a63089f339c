package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;

class IndexCaseFileTest {
  @Test
  void aGoodFileKeepsItsMalformedLinesForTheJobToReport() throws Exception {
    assertEquals(
        List.of("9876543210", "not a number", "7K2QM-X9F3A"),
        IndexCaseFile.read(
            new ByteArrayInputStream(
                "mobile\r\n9876543210\r\nnot a number\r\n7K2QM-X9F3A\r\n"
                    .getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void bytesThatAreNotUtf8InOtherColumnsDoNotRefuseTheFile() {
    byte[] latin1 = "9876543210,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    assertEquals(List.of("9876543210"), IndexCaseFile.read(latin1));
  }

  @Test
  void anEmptyFileOrOnlyAHeaderIsRefused() {
    assertEquals(TracingError.EMPTY_FILE, problem(new byte[0]));
    assertEquals(TracingError.EMPTY_FILE, problem(text("person_id\r\n\r\n  \r\n")));
  }

  @Test
  void workbooksAndBinaryFilesAreRefusedSayingWhatToSend() {
    TracingException xlsx =
        assertThrows(
            TracingException.class,
            () -> IndexCaseFile.read(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}));
    assertEquals(TracingError.FILE_NOT_TEXT, xlsx.error());
    assertTrue(
        xlsx.getMessage().contains("XLSX") && xlsx.getMessage().contains("save the sheet as CSV"),
        xlsx.getMessage());
    assertEquals(
        TracingError.FILE_NOT_TEXT,
        problem(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0}));
    assertEquals(
        TracingError.FILE_NOT_TEXT, problem("9876543210\n".getBytes(StandardCharsets.UTF_16LE)));
    assertEquals(TracingError.FILE_NOT_TEXT, problem(new byte[] {'9', '8', 0, 7, 1}));
  }

  @Test
  void textWithoutASingleMobileOrPersonIdIsRefused() {
    TracingException e =
        assertThrows(
            TracingException.class,
            () ->
                IndexCaseFile.read(
                    text("source_record_id,name\nMH-PUNE-000001,Ram\nMH-PUNE-000002,Shyam\n")));

    assertEquals(TracingError.FILE_WITHOUT_INDEX_CASES, e.error());
    assertTrue(
        e.getMessage().contains("none of the file's 3 lines")
            && e.getMessage().contains("source_record_id"),
        e.getMessage());
  }

  @Test
  void aFileOverTheLimitIsRefusedWithoutReadingItWhole() {
    byte[] big = new byte[IndexCaseFile.MAX_BYTES + 10];
    Arrays.fill(big, (byte) '9');
    ByteArrayInputStream in = new ByteArrayInputStream(big);

    TracingException e = assertThrows(TracingException.class, () -> IndexCaseFile.read(in));

    assertEquals(TracingError.FILE_TOO_LARGE, e.error());
    assertEquals(9, in.available(), "read only one byte past the limit");
  }

  private static TracingError problem(byte[] content) {
    return assertThrows(TracingException.class, () -> IndexCaseFile.read(content)).error();
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
