package org.nmis.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.ingestion.kafka.AuditPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The audit trail. Each event is first appended to a local JSON-lines file
 * ({data-dir}/audit/audit-DAY.jsonl) before the answer leaves, so a request that cannot be audited
 * is refused; then published to the audit topic, from which the landing job appends it to the
 * {@code audit_log} table that AUDITOR queries. A publish that fails is logged (NMIS-AUD-002) and
 * the event stays in the local file.
 */
@Component
public class AuditTrail implements AuditLog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
  private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

  private final Path dir;
  private final AuditPublisher publisher;

  public AuditTrail(NmisProperties properties, WarehousePlatform platform) {
    this.dir = properties.dataDir().resolve("audit");
    this.publisher = new AuditPublisher(platform.bootstrapServers(), properties.audit().topic());
  }

  @Override
  public void record(AuditEvent e) {
    Map<String, String> parameters = new LinkedHashMap<>(e.parameters());
    String sql = parameters.remove("sql");
    String id = UUID.randomUUID().toString();
    ObjectNode row =
        JSON.createObjectNode()
            .put("id", id)
            .put("at", TIMESTAMP.format(e.at()))
            .put("username", e.user())
            .put("role", e.role())
            .put("jurisdiction", e.jurisdiction())
            .put("endpoint", e.action())
            .put("sql_text", sql)
            .put("parameters", json(parameters))
            .put("rows_returned", e.rowsReturned())
            .put("duration_ms", e.durationMillis())
            .put("outcome", e.outcome())
            .put("day", e.at().atZone(INDIA).toLocalDate().toString());
    byte[] line = (row.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    append(e, line);
    publisher.publish(
        id,
        line,
        error ->
            LOG.error(
                "NMIS-AUD-002: audit event {} did not reach the audit topic ({});"
                    + " it is kept in {} and missing from audit_log until re-published",
                id,
                error.toString(),
                dir));
  }

  private synchronized void append(AuditEvent e, byte[] line) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("audit-" + e.at().atZone(INDIA).toLocalDate() + ".jsonl");
      Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException(
          "NMIS-AUD-001: cannot write the audit trail in "
              + dir
              + "; the request is refused rather than served unaudited",
          ex);
    }
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
