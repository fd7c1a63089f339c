package org.nmis.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nmis.api.config.NmisProperties;
import org.springframework.stereotype.Component;

/**
 * Append-only audit trail, one JSON line per event in {data-dir}/audit/audit-YYYY-MM-DD.jsonl, written before the
 * answer leaves. (The governed-SQL issue moves it into the {@code audit_log} Delta table.)
 */
@Component
public class FileAuditLog implements AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;

  public FileAuditLog(NmisProperties properties) {
    this.dir = properties.dataDir().resolve("audit");
  }

  @Override
  public synchronized void record(AuditEvent e) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("at", e.at().toString());
    line.put("user", e.user());
    line.put("role", e.role());
    line.put("jurisdiction", e.jurisdiction());
    line.put("action", e.action());
    line.put("parameters", e.parameters());
    line.put("rows_returned", e.rowsReturned());
    line.put("outcome", e.outcome());
    line.put("duration_ms", e.durationMillis());
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("audit-" + e.at().atOffset(ZoneOffset.UTC).toLocalDate() + ".jsonl");
      Files.writeString(file, JSON.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException("NMIS-AUD-001: cannot write the audit trail in " + dir
          + "; the request is refused rather than served unaudited", ex);
    }
  }
}
