package org.nmis.api.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmis.tracing.bulk.BulkJobs;

class FileBulkLedgerTest {
  @TempDir Path dir;

  @Test
  void recordsComeBackAsWrittenAndACutOffWriteIsDropped() throws Exception {
    BulkJobs.Record running =
        new BulkJobs.Record(
            "TB-1",
            "health",
            "CLUSTER-1",
            2,
            "RUNNING",
            null,
            null,
            null,
            Instant.parse("2020-05-20T06:00:00Z"),
            null);
    BulkJobs.Record done =
        new BulkJobs.Record(
            "TB-2",
            "health",
            "CLUSTER-2",
            3,
            "DONE",
            17,
            1,
            null,
            Instant.parse("2020-05-20T06:00:00Z"),
            Instant.parse("2020-05-20T06:00:05Z"));
    FileBulkLedger ledger = new FileBulkLedger(dir);
    ledger.save(running);
    ledger.save(done);
    Files.writeString(dir.resolve("TB-3.json.tmp"), "{\"id\": \"TB-3\", \"own");

    FileBulkLedger reopened = new FileBulkLedger(dir);
    assertEquals(
        List.of(running, done),
        reopened.load().stream()
            .sorted(java.util.Comparator.comparing(BulkJobs.Record::id))
            .toList());
    assertFalse(Files.exists(dir.resolve("TB-3.json.tmp")), "a cut-off write is removed");

    reopened.forget("TB-1");
    assertEquals(List.of(done), reopened.load());
  }
}
