package org.nmis.api.sql;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import jakarta.servlet.http.HttpServletResponse;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiException;
import org.nmis.api.platform.QueryRunner;
import org.nmis.api.security.NmisUser;
import org.nmis.governance.sql.GovernedQuery;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.governance.sql.SqlRejectedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Governed SQL: the caller's query is parsed, validated and rewritten under the access policy by
 * {@link GovernedSql}, and only the rewritten text runs on Spark. Limits fail loudly: a JSON answer over the row
 * limit, an export over its limit, a query over its time, or a user over their concurrent queries gets a problem,
 * never a silently cut result. Exports are spooled to a temporary file first, so the limit is known before the first
 * byte is sent and no result is held in memory; the spooled file is then copied to the response. Every query is
 * audited.
 */
@RestController
@RequestMapping("/api/v1/sql")
public class SqlController {
  /** Excel's own limit, minus the header row. */
  static final long XLSX_MAX_ROWS = 1_048_575;

  private final GovernedSql governed;
  private final QueryRunner runner;
  private final AuditLog audit;
  private final NmisProperties.Sql settings;
  private final Path spool;
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

  public SqlController(GovernedSql governed, QueryRunner runner, AuditLog audit, NmisProperties properties) {
    this.governed = governed;
    this.runner = runner;
    this.audit = audit;
    this.settings = properties.sql();
    this.spool = properties.dataDir().resolve("spool");
  }

  /** @param timeoutSeconds optional, a shorter timeout than the service's (nmis.sql.timeout) for this query */
  public record SqlBody(String sql, String format,
      @com.fasterxml.jackson.annotation.JsonProperty("timeout_seconds") Integer timeoutSeconds) {}

  public record SqlAnswer(List<String> columns, List<List<Object>> rows, long count) {}

  @PostMapping
  public ResponseEntity<SqlAnswer> query(@RequestBody SqlBody body, @AuthenticationPrincipal NmisUser user,
      HttpServletResponse response) throws IOException {
    long t0 = System.nanoTime();
    if (body == null || body.sql() == null || body.sql().isBlank()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-SQL-011", "send {\"sql\": \"SELECT ...\", \"format\":"
          + " \"json|csv|xlsx\"}");
    }
    String format = body.format() == null ? "json" : body.format().toLowerCase(Locale.ROOT);
    long limit = switch (format) {
      case "json" -> settings.rowLimit();
      case "csv" -> settings.exportRowLimit();
      case "xlsx" -> Math.min(settings.exportRowLimit(), XLSX_MAX_ROWS);
      default -> throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-SQL-013", "format '" + body.format()
          + "' is not one of json, csv, xlsx");
    };
    java.time.Duration timeout = body.timeoutSeconds() == null ? settings.timeout()
        : java.time.Duration.ofSeconds(Math.max(1, Math.min(body.timeoutSeconds(), settings.timeout().toSeconds())));
    Semaphore slots = running.computeIfAbsent(user.username(), u -> new Semaphore(settings.maxConcurrentPerUser()));
    if (!slots.tryAcquire()) {
      record(user, body.sql(), format, 0, "TOO_MANY_QUERIES", t0);
      throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "NMIS-SQL-014", "you already run "
          + settings.maxConcurrentPerUser() + " queries, the most one user may run at once; wait for one to finish");
    }
    try {
      GovernedQuery q = governed.prepare(body.sql(), user.scope(), limit);
      if (format.equals("json")) {
        return json(q, timeout, user, body.sql(), t0);
      }
      export(q, timeout, format, user, body.sql(), t0, response);
      return null; // the export is already written to the response
    } catch (SqlRejectedException e) {
      record(user, body.sql(), format, 0, e.error().code(), t0);
      throw new SqlProblem(e);
    } catch (QueryRunner.QueryTimeoutException e) {
      record(user, body.sql(), format, 0, "QUERY_TIMEOUT", t0);
      throw new ApiException(HttpStatus.GATEWAY_TIMEOUT, "NMIS-SQL-015", e.getMessage() + " (nmis.sql.timeout);"
          + " filter or aggregate more, or ask for an export at a quieter time");
    } catch (QueryRunner.QueryFailedException e) {
      record(user, body.sql(), format, 0, "QUERY_FAILED", t0);
      throw new ApiException(HttpStatus.BAD_REQUEST, "NMIS-SQL-016", "Spark could not run the query: "
          + e.getMessage());
    } finally {
      slots.release();
    }
  }

  private ResponseEntity<SqlAnswer> json(GovernedQuery q, java.time.Duration timeout, NmisUser user, String sql,
      long t0) {
    List<String> names = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    runner.run(q, timeout, new QueryRunner.RowSink() {
      @Override
      public void columns(List<String> columns) {
        names.addAll(columns);
      }

      @Override
      public boolean row(Object[] values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
          row.add(jsonValue(v));
        }
        rows.add(row);
        return rows.size() <= q.rowLimit();
      }
    });
    q.requireWithinLimit(rows.size());
    record(user, sql, "json", rows.size(), "OK", t0);
    return ResponseEntity.ok(new SqlAnswer(names, rows, rows.size()));
  }

  private void export(GovernedQuery q, java.time.Duration timeout, String format, NmisUser user, String sql,
      long t0, HttpServletResponse response) throws IOException {
    Path file = spoolFile(format);
    long rows;
    try (Export out = format.equals("csv") ? new CsvExport(file) : new XlsxExport(file)) {
      rows = writeAll(q, timeout, out);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new UncheckedIOException("NMIS-SQL-017: cannot write the export spool file " + file, e);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    if (rows > q.rowLimit()) {
      deleteQuietly(file);
      q.requireWithinLimit(rows);
    }
    record(user, sql, format, rows, "OK", t0);
    response.setContentType(format.equals("csv") ? "text/csv;charset=UTF-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader("Content-Disposition", "attachment; filename=\"nmis-report." + format + "\"");
    response.setHeader("X-NMIS-Rows", String.valueOf(rows));
    response.setContentLengthLong(Files.size(file));
    try (OutputStream os = response.getOutputStream()) {
      Files.copy(file, os);
    } finally {
      deleteQuietly(file);
    }
  }

  private long writeAll(GovernedQuery q, java.time.Duration timeout, Export out) {
    long[] count = {0};
    runner.run(q, timeout, new QueryRunner.RowSink() {
      @Override
      public void columns(List<String> columns) {
        out.header(columns);
      }

      @Override
      public boolean row(Object[] values) {
        count[0]++;
        if (count[0] > q.rowLimit()) {
          return false;
        }
        out.row(values);
        return true;
      }
    });
    return count[0];
  }

  private Path spoolFile(String format) {
    try {
      Files.createDirectories(spool);
      return Files.createTempFile(spool, "export-", "." + format);
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-SQL-017: cannot create an export spool file in " + spool, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a spool file left behind is cleaned with the data directory
    }
  }

  /** Numbers, booleans, strings, lists and maps as they are; dates and times as ISO text. */
  static Object jsonValue(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String || v instanceof List<?>
        || v instanceof Map<?, ?>) {
      return v;
    }
    return v.toString();
  }

  private void record(NmisUser user, String sql, String format, long rows, String outcome, long t0) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sql", sql);
    parameters.put("format", format);
    audit.record(new AuditEvent(Instant.now(), user.username(), user.role().name(), user.principalLabel(),
        format.equals("json") ? "sql.query" : "sql.export", parameters, rows, outcome,
        (System.nanoTime() - t0) / 1_000_000));
  }

  /** A refused query as a 400 problem with its code and, when known, line and column. */
  public static final class SqlProblem extends ApiException {
    private final SqlRejectedException rejected;

    SqlProblem(SqlRejectedException e) {
      super(HttpStatus.BAD_REQUEST, e.error().code(), e.detail()
          + e.position().map(p -> " (at line " + p.line() + ", column " + p.column() + ")").orElse(""));
      this.rejected = e;
    }

    public SqlRejectedException rejected() {
      return rejected;
    }
  }

  /** Where an export goes before it is sent. */
  interface Export extends AutoCloseable {
    void header(List<String> columns);

    void row(Object[] values);

    @Override
    void close() throws IOException;
  }

  /** RFC 4180 CSV in UTF-8, written as it comes. */
  static final class CsvExport implements Export {
    private final BufferedWriter out;

    CsvExport(Path file) throws IOException {
      this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
          1 << 16);
    }

    @Override
    public void header(List<String> columns) {
      line(columns.toArray());
    }

    @Override
    public void row(Object[] values) {
      line(values);
    }

    private void line(Object[] values) {
      try {
        for (int i = 0; i < values.length; i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(cell(values[i]));
        }
        out.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    static String cell(Object v) {
      if (v == null) {
        return "";
      }
      String s = v.toString();
      boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
      // A leading = + - @ would make a spreadsheet run the cell as a formula.
      if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !(v instanceof Number)) {
        s = "'" + s;
      }
      return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** XLSX through POI's streaming workbook: a window of rows in memory, the rest in a temporary file. */
  static final class XlsxExport implements Export {
    private final Path file;
    private final org.apache.poi.xssf.streaming.SXSSFWorkbook book = new org.apache.poi.xssf.streaming.SXSSFWorkbook(
        200);
    private final org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("report");
    private int next;

    XlsxExport(Path file) {
      this.file = file;
    }

    @Override
    public void header(List<String> columns) {
      org.apache.poi.ss.usermodel.Row r = sheet.createRow(next++);
      for (int i = 0; i < columns.size(); i++) {
        r.createCell(i).setCellValue(columns.get(i));
      }
    }

    @Override
    public void row(Object[] values) {
      org.apache.poi.ss.usermodel.Row r = sheet.createRow(next++);
      for (int i = 0; i < values.length; i++) {
        Object v = values[i];
        if (v instanceof Number n) {
          r.createCell(i).setCellValue(n.doubleValue());
        } else if (v != null) {
          r.createCell(i).setCellValue(v.toString());
        }
      }
    }

    @Override
    public void close() throws IOException {
      try (OutputStream os = Files.newOutputStream(file)) {
        book.write(os);
      } finally {
        book.close();
      }
    }
  }
}
