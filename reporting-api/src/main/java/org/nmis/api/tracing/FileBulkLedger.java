package org.nmis.api.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nmis.tracing.bulk.BulkJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk tracing jobs' records, one JSON file per job under {@code {data-dir}/tracing-jobs}, written
 * whole to a temporary file and moved into place, so a crash leaves the old record or the new one.
 * A record holds who, why, the state and the counts, never the lists.
 */
final class FileBulkLedger implements BulkJobs.Ledger {
  private static final Logger LOG = LoggerFactory.getLogger(FileBulkLedger.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  FileBulkLedger(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-TRC-106: cannot create " + dir, e);
    }
  }

  @Override
  public void save(BulkJobs.Record record) {
    Path file = dir.resolve(record.id() + ".json");
    Path tmp = dir.resolve(record.id() + ".json.tmp");
    try {
      ObjectNode o =
          JSON.createObjectNode()
              .put("id", record.id())
              .put("owner", record.owner())
              .put("purpose", record.purpose())
              .put("index_cases", record.indexCases())
              .put("state", record.state())
              .put("exposed_persons", record.exposedPersons())
              .put("unresolved", record.unresolved())
              .put("failure", record.failure())
              .put("started_at", String.valueOf(record.startedAt()))
              .put(
                  "finished_at",
                  record.finishedAt() == null ? null : record.finishedAt().toString());
      Files.write(tmp, JSON.writeValueAsBytes(o));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-TRC-106: cannot record job " + record.id(), e);
    }
  }

  @Override
  public void forget(String jobId) {
    try {
      Files.deleteIfExists(dir.resolve(jobId + ".json"));
    } catch (IOException e) {
      LOG.warn("NMIS-TRC-107: could not delete the record of job {}: {}", jobId, e.toString());
    }
  }

  private static BulkJobs.Record read(JsonNode o) {
    return new BulkJobs.Record(
        o.get("id").asText(),
        o.get("owner").asText(),
        o.get("purpose").asText(),
        o.get("index_cases").asInt(),
        o.get("state").asText(),
        o.hasNonNull("exposed_persons") ? o.get("exposed_persons").asInt() : null,
        o.hasNonNull("unresolved") ? o.get("unresolved").asInt() : null,
        o.hasNonNull("failure") ? o.get("failure").asText() : null,
        Instant.parse(o.get("started_at").asText()),
        o.hasNonNull("finished_at") ? Instant.parse(o.get("finished_at").asText()) : null);
  }

  @Override
  public List<BulkJobs.Record> load() {
    List<BulkJobs.Record> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".json.tmp")) {
          Files.deleteIfExists(f); // a write cut off by a crash; the record before it stands
        } else if (name.endsWith(".json")) {
          try {
            out.add(read(JSON.readTree(f.toFile())));
          } catch (IOException e) {
            LOG.warn("NMIS-TRC-107: skipping unreadable job record {}: {}", f, e.toString());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-TRC-106: cannot read " + dir, e);
    }
    return out;
  }
}
