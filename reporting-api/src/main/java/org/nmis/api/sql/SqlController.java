package org.nmis.api.sql;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.api.sql.SqlQueries.Format;
import org.nmis.api.sql.SqlQueries.SqlAnswer;
import org.nmis.governance.sql.SqlError;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/sql}: any signed-in user's query, run by {@link SqlQueries} under the access
 * policy; a JSON answer, or a CSV or XLSX export streamed from its spool file.
 */
@RestController
@RequestMapping("/api/v1/sql")
public class SqlController {
  private final SqlQueries queries;

  public SqlController(SqlQueries queries) {
    this.queries = queries;
  }

  /**
   * @param timeoutSeconds optional, a shorter timeout than the service's (nmis.sql.timeout) for
   *     this query
   */
  public record SqlBody(
      String sql, String format, @JsonProperty("timeout_seconds") Integer timeoutSeconds) {}

  /**
   * The tables this role may query, each column with its type and mask (CLEAR, HIDDEN: always null,
   * MOBILE_LAST4); rows are filtered by jurisdiction besides.
   */
  @GetMapping("/tables")
  public java.util.List<org.nmis.governance.sql.ReadableTable> tables(
      @AuthenticationPrincipal NmisUser user) {
    return queries.tables(user);
  }

  @PostMapping
  public ResponseEntity<SqlAnswer> query(
      @RequestBody SqlBody body,
      @AuthenticationPrincipal NmisUser user,
      HttpServletResponse response)
      throws IOException {
    if (body == null || body.sql() == null || body.sql().isBlank()) {
      throw new ApiException(
          SqlError.EMPTY, "send {\"sql\": \"SELECT ...\", \"format\": \"json|csv|xlsx\"}");
    }
    Format format =
        switch (body.format() == null ? "json" : body.format().toLowerCase(Locale.ROOT)) {
          case "json" -> Format.JSON;
          case "csv" -> Format.CSV;
          case "xlsx" -> Format.XLSX;
          default ->
              throw new ApiException(
                  SqlError.UNKNOWN_FORMAT,
                  "format '" + body.format() + "' is not one of json, csv, xlsx");
        };
    if (format == Format.JSON) {
      return ResponseEntity.ok(queries.json(body.sql(), user, body.timeoutSeconds()));
    }
    try (SqlQueries.Spooled export =
        queries.export(body.sql(), format, user, body.timeoutSeconds())) {
      response.setContentType(
          format == Format.CSV
              ? "text/csv;charset=UTF-8"
              : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      response.setHeader(
          "Content-Disposition", "attachment; filename=\"nmis-report." + export.format() + "\"");
      response.setHeader("X-NMIS-Rows", String.valueOf(export.rows()));
      response.setContentLengthLong(export.size());
      try (OutputStream os = response.getOutputStream()) {
        export.copyTo(os);
      }
    }
    return null; // the export is already written to the response
  }
}
