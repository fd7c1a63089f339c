package org.nmis.api.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.api.security.NmisUser;
import org.nmis.model.access.Role;

/**
 * What a restart finds in the uploads folder: finished jobs come back as they ended, a job cut off
 * in the middle comes back INTERRUPTED with its counts so far, and uploaded files and folders
 * without a status are deleted.
 */
class UploadJobsRestartTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final NmisUser MH = new NmisUser("mh-state", "", Role.STATE, 27, null);

  @TempDir Path root;

  private Path folder(UploadJobs.Job job, boolean leaveFile) throws Exception {
    Path dir = Files.createDirectories(root.resolve(job.id));
    Files.write(dir.resolve("status.json"), JSON.writeValueAsBytes(job.saved()));
    Files.writeString(dir.resolve("errors.jsonl"), "{\"line\": 3}\n");
    if (leaveFile) {
      Files.writeString(dir.resolve("file"), "source_record_id,name\n");
    }
    return dir;
  }

  @Test
  void finishedJobsComeBackInterruptedOnesSayToUploadAgainAndLeftoversGo() throws Exception {
    UploadJobs.Job done = new UploadJobs.Job("UP-DONE00000000", "a.csv", MH, Instant.now());
    done.format = "CSV";
    done.received.set(100);
    done.accepted.set(98);
    done.rejected.set(2);
    done.expected = 100;
    done.finishedAt = Instant.now();
    folder(done, false);
    UploadJobs.Job cut = new UploadJobs.Job("UP-CUT000000000", "b.xlsx", MH, Instant.now());
    cut.format = "XLSX";
    cut.received.set(40_000);
    cut.accepted.set(39_990);
    cut.rejected.set(10);
    cut.expected = 100_000;
    Path cutDir = folder(cut, true);
    Path stray = Files.createDirectories(root.resolve("UP-STRAY0000000"));
    Files.writeString(stray.resolve("file"), "half an upload");

    UploadJobs jobs = new UploadJobs(null, root, Duration.ofHours(1), event -> {});

    UploadStatus d = jobs.job("UP-DONE00000000").orElseThrow().status();
    assertEquals("DONE", d.state());
    assertEquals(98, d.accepted());
    assertEquals(2, d.rejected());
    assertEquals("CSV", d.format());
    UploadStatus c = jobs.job("UP-CUT000000000").orElseThrow().status();
    assertEquals("INTERRUPTED", c.state());
    assertEquals(40_000, c.rowsReceived());
    assertTrue(c.failure().contains("Upload the same file again"), c.failure());
    assertEquals(
        "mh-state:STATE:27", jobs.job("UP-CUT000000000").orElseThrow().user.principalLabel());
    assertFalse(Files.exists(cutDir.resolve("file")), "the uploaded file is deleted");
    assertTrue(Files.exists(cutDir.resolve("errors.jsonl")), "the error report stays");
    assertFalse(Files.exists(stray), "a folder without a status is a leftover");
    jobs.close();
  }
}
