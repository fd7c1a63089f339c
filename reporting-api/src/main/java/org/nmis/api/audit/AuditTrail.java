package org.nmis.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.ingestion.kafka.AuditPublisher;
import org.nmis.model.audit.AuditChain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail. Each event is first appended to a local JSON-lines file
 * ({data-dir}/audit/audit-DAY.jsonl) before the answer leaves, so a request that cannot be audited
 * is refused; then published to the audit topic, from which the landing job appends it to the
 * {@code audit_log} table that AUDITOR queries. A publish that fails is logged (NMIS-AUD-002) and
 * the event stays in the local file. Each event is a link of the day's hash chain of this writer
 * ({@link AuditChain}: {@code chain}, {@code seq}, {@code prev_hash}, {@code hash}), so an edited
 * or removed row shows in {@code GET /api/v1/audit/verify}.
 */
@Component
public class AuditTrail implements AuditLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  private final Path dir;
  private final String chain;
  private final AuditPublisher publisher;

  /** The last link of each day's chain written by this service (today's, and yesterday's). */
  private final Map<LocalDate, Link> heads = new HashMap<>();

  private record Link(long seq, String hash) {}

  public AuditTrail(NmisProperties properties, WarehousePlatform platform) {
    this.dir = properties.dataDir().resolve("audit");
    this.chain = properties.ingestion().writerId();
    this.publisher = new AuditPublisher(platform.bootstrapServers(), properties.audit().topic());
  }

  @Override
  public void record(AuditEvent e) {
    Map<String, String> parameters = new LinkedHashMap<>(e.parameters());
    String sql = parameters.remove("sql");
    LocalDate day = e.at().atZone(INDIA).toLocalDate();
    AuditChain.Entry unsealed =
        new AuditChain.Entry(
            chain,
            0,
            null,
            null,
            UUID.randomUUID().toString(),
            AuditChain.AT.format(e.at()),
            e.user(),
            e.role(),
            e.jurisdiction(),
            e.action(),
            sql,
            json(parameters),
            e.rowsReturned(),
            e.durationMillis(),
            e.outcome(),
            day.toString());
    AuditChain.Entry sealed = append(unsealed, day);
    publisher.publish(
        sealed.id(),
        line(sealed),
        error ->
            LOG.error(
                "NMIS-AUD-002: audit event {} did not reach the audit topic ({});"
                    + " it is kept in {} and missing from audit_log until re-published",
                sealed.id(),
                error.toString(),
                dir));
  }

  /**
   * Links the event to the day's chain and writes it to the day's file, in one step under the lock:
   * the file's order is the chain's order.
   */
  private synchronized AuditChain.Entry append(AuditChain.Entry unsealed, LocalDate day) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("audit-" + day + ".jsonl");
      Link head = heads.get(day);
      if (head == null) {
        head = lastLink(file);
        heads.keySet().removeIf(d -> d.isBefore(day.minusDays(1)));
      }
      AuditChain.Entry sealed = unsealed.sealed(head.seq() + 1, head.hash());
      Files.write(file, line(sealed), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      heads.put(day, new Link(sealed.seq(), sealed.hash()));
      return sealed;
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "NMIS-AUD-001: cannot write the audit trail in "
              + dir
              + "; the request is refused rather than served unaudited",
          ex);
    }
  }

  /**
   * Where this service's chain of the day stands after a restart: the last line of the day's file
   * (only its tail is read), or the start of a chain.
   */
  private Link lastLink(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new Link(0, AuditChain.GENESIS);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long length = f.length();
      int tail = (int) Math.min(length, 1 << 16);
      byte[] bytes = new byte[tail];
      f.seek(length - tail);
      f.readFully(bytes);
      String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        if (lines[i].isBlank()) {
          continue;
        }
        JsonNode last = JSON.readTree(lines[i]);
        return last.hasNonNull("seq") && last.hasNonNull("hash")
            ? new Link(last.get("seq").asLong(), last.get("hash").asText())
            : new Link(0, AuditChain.GENESIS); // a file of an older version: a new chain
      }
      return new Link(0, AuditChain.GENESIS);
    }
  }

  /** The event as one JSON line, keyed by audit_log's column names. */
  private static byte[] line(AuditChain.Entry e) {
    ObjectNode row =
        JSON.createObjectNode()
            .put("id", e.id())
            .put("at", e.at())
            .put("username", e.username())
            .put("role", e.role())
            .put("jurisdiction", e.jurisdiction())
            .put("endpoint", e.endpoint())
            .put("sql_text", e.sqlText())
            .put("parameters", e.parameters())
            .put("rows_returned", e.rowsReturned())
            .put("duration_ms", e.durationMs())
            .put("outcome", e.outcome())
            .put("day", e.day())
            .put("chain", e.chain())
            .put("seq", e.seq())
            .put("prev_hash", e.prevHash())
            .put("hash", e.hash());
    return (row.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String json(Map<String, String> parameters) {
    try {
      return JSON.writeValueAsString(parameters);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public void close() {
    publisher.close();
  }
}
