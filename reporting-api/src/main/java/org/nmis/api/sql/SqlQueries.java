package org.nmis.api.sql;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiException;
import org.nmis.api.platform.QueryRunner;
import org.nmis.api.security.NmisUser;
import org.nmis.governance.sql.GovernedQuery;
import org.nmis.governance.sql.GovernedSql;
import org.nmis.governance.sql.SqlError;
import org.nmis.governance.sql.SqlRejectedException;
import org.springframework.stereotype.Service;

/**
 * Governed SQL as a service: the caller's query is parsed, validated and rewritten under the access
 * policy by {@link GovernedSql}, and only the rewritten text runs on Spark. Limits fail loudly: a
 * JSON answer over the row limit, an export over its limit, a query over its time, or a user over
 * their concurrent queries gets a problem, never a silently cut result. Exports are spooled to a
 * file first, so the limit is known before the first byte is sent and no result is held in memory.
 * Every query is audited, refusals included.
 */
@Service
public class SqlQueries {
  /** Excel's own limit, minus the header row. */
  static final long XLSX_MAX_ROWS = 1_048_575;

  /** The formats of an answer: JSON (up to the row limit) or an export. */
  public enum Format {
    JSON,
    CSV,
    XLSX
  }

  /** A JSON answer. */
  public record SqlAnswer(List<String> columns, List<List<Object>> rows, long count) {}

  /**
   * An export spooled to a file, to be copied to the response and then deleted ({@link #close}).
   */
  public record Spooled(Path file, String format, long rows) implements AutoCloseable {
    public long size() throws IOException {
      return Files.size(file);
    }

    public void copyTo(OutputStream out) throws IOException {
      Files.copy(file, out);
    }

    @Override
    public void close() {
      deleteQuietly(file);
    }
  }

  private final GovernedSql governed;
  private final QueryRunner runner;
  private final AuditLog audit;
  private final NmisProperties.Sql settings;
  private final Path spool;
  private final Map<String, Semaphore> running = new ConcurrentHashMap<>();

  public SqlQueries(
      GovernedSql governed, QueryRunner runner, AuditLog audit, NmisProperties properties) {
    this.governed = governed;
    this.runner = runner;
    this.audit = audit;
    this.settings = properties.sql();
    this.spool = properties.dataDir().resolve("spool");
  }

  /** The tables and columns the caller's role may name, with the mask of each column. */
  public List<org.nmis.governance.sql.ReadableTable> tables(NmisUser user) {
    return governed.readable(user.role());
  }

  /** Runs a query for a JSON answer. */
  public SqlAnswer json(String sql, NmisUser user, Integer timeoutSeconds) {
    return governedRun(
        sql,
        Format.JSON,
        user,
        timeoutSeconds,
        (q, timeout, t0) -> json(q, timeout, user, sql, t0));
  }

  /** Runs a query into a spooled CSV or XLSX export. */
  public Spooled export(String sql, Format format, NmisUser user, Integer timeoutSeconds) {
    String kind = format.name().toLowerCase(java.util.Locale.ROOT);
    return governedRun(
        sql,
        format,
        user,
        timeoutSeconds,
        (q, timeout, t0) -> export(q, timeout, kind, user, sql, t0));
  }

  private interface Run<T> {
    T run(GovernedQuery q, Duration timeout, long t0);
  }

  private <T> T governedRun(
      String sql, Format format, NmisUser user, Integer timeoutSeconds, Run<T> run) {
    long t0 = System.nanoTime();
    String kind = format.name().toLowerCase(java.util.Locale.ROOT);
    long limit =
        switch (format) {
          case JSON -> settings.rowLimit();
          case CSV -> settings.exportRowLimit();
          case XLSX -> Math.min(settings.exportRowLimit(), XLSX_MAX_ROWS);
        };
    Duration timeout =
        timeoutSeconds == null
            ? settings.timeout()
            : Duration.ofSeconds(
                Math.max(1, Math.min(timeoutSeconds, settings.timeout().toSeconds())));
    Semaphore slots =
        running.computeIfAbsent(
            user.username(), u -> new Semaphore(settings.maxConcurrentPerUser()));
    if (!slots.tryAcquire()) {
      record(user, sql, kind, 0, SqlError.TOO_MANY_QUERIES.code(), t0);
      throw new ApiException(
          SqlError.TOO_MANY_QUERIES,
          "you already run "
              + settings.maxConcurrentPerUser()
              + " queries, the most one user may run at once; wait for one to finish");
    }
    try {
      return run.run(governed.prepare(sql, user.scope(), limit), timeout, t0);
    } catch (SqlRejectedException e) {
      record(user, sql, kind, 0, e.error().code(), t0);
      throw e;
    } catch (QueryRunner.QueryTimeoutException e) {
      record(user, sql, kind, 0, SqlError.QUERY_TIMEOUT.code(), t0);
      throw new ApiException(
          SqlError.QUERY_TIMEOUT,
          e.getMessage()
              + " (nmis.sql.timeout); filter or aggregate"
              + " more, or ask for an export at a quieter time");
    } catch (QueryRunner.QueryFailedException e) {
      record(user, sql, kind, 0, SqlError.QUERY_FAILED.code(), t0);
      throw new ApiException(
          SqlError.QUERY_FAILED, "Spark could not run the query: " + e.getMessage());
    } finally {
      slots.release();
    }
  }

  private SqlAnswer json(GovernedQuery q, Duration timeout, NmisUser user, String sql, long t0) {
    List<String> names = new ArrayList<>();
    List<List<Object>> rows = new ArrayList<>();
    runner.run(
        q,
        timeout,
        new QueryRunner.RowSink() {
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
    return new SqlAnswer(names, rows, rows.size());
  }

  private Spooled export(
      GovernedQuery q, Duration timeout, String format, NmisUser user, String sql, long t0) {
    Path file = spoolFile(format);
    long rows;
    try (SqlExports.Export out =
        format.equals("csv") ? new SqlExports.CsvExport(file) : new SqlExports.XlsxExport(file)) {
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
    return new Spooled(file, format, rows);
  }

  private long writeAll(GovernedQuery q, Duration timeout, SqlExports.Export out) {
    long[] count = {0};
    runner.run(
        q,
        timeout,
        new QueryRunner.RowSink() {
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
      throw new UncheckedIOException(
          "NMIS-SQL-017: cannot create an export spool file in " + spool, e);
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a spool file left behind is cleaned with the data directory
    }
  }

  /** Numbers, booleans, strings, lists and maps as they are; dates and times as ISO text. */
  static Object jsonValue(Object v) {
    if (v == null
        || v instanceof Number
        || v instanceof Boolean
        || v instanceof String
        || v instanceof List<?>
        || v instanceof Map<?, ?>) {
      return v;
    }
    return v.toString();
  }

  private void record(
      NmisUser user, String sql, String format, long rows, String outcome, long t0) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sql", sql);
    parameters.put("format", format);
    audit.record(
        AuditEvent.of(
            user,
            format.equals("json") ? "sql.query" : "sql.export",
            parameters,
            rows,
            outcome,
            t0));
  }
}
