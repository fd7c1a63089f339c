package org.nmis.uploads;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nmis.uploads.testing.UploadSamples;

/** Small files for the reader tests. */
final class TestFiles {
  /** The required columns only, in a shuffled order. */
  static final String SHORT_HEADER =
      "name,source_record_id,age,gender,mobile,origin_state_code,origin_district_code,"
          + "destination_state_code,destination_district_code,travel_date,mode";

  /** A row under {@link #SHORT_HEADER}. */
  static final String RAM = "Ram Kumar,MH-1,34,M,9876543210,27,490,9,148,2020-05-18,TRAIN";

  private TestFiles() {}

  static Path write(Path dir, String name, String text) {
    return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
  }

  static Path write(Path dir, String name, byte[] bytes) {
    try {
      return Files.write(dir.resolve(name), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of the file, opened with the default limits. */
  static List<UploadRow> readAll(Path file) throws IOException {
    try (UploadFile upload = UploadFile.open(file, Limits.DEFAULT)) {
      return upload.rows().toList();
    }
  }

  /** Opens the file, expects it refused with problem, and returns the message. */
  static String refusal(Path file, UploadProblem problem) {
    return refusal(file, Limits.DEFAULT, problem);
  }

  static String refusal(Path file, Limits limits, UploadProblem problem) {
    UploadRejectedException e =
        assertThrows(
            UploadRejectedException.class,
            () -> {
              try (UploadFile upload = UploadFile.open(file, limits)) {
                upload.rows().forEach(row -> {});
              }
            });
    assertTrue(e.problem() == problem, "expected " + problem + ", got: " + e.getMessage());
    assertTrue(e.getMessage().startsWith(problem.code() + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith(problem.fix()), e.getMessage());
    return e.getMessage();
  }

  static String fullHeaderCsv(String... rows) {
    return UploadSamples.HEADER + "\n" + String.join("\n", rows) + "\n";
  }
}
