package org.nmis.api.uploads;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.nmis.uploads.UploadProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * File uploads of registrations (CSV or XLSX, the standard columns): 202 with an upload ID at once,
 * progress and counts at {@code /api/v1/uploads/{id}}, every rejected row with its line number at
 * {@code .../errors}. Who sees an upload and its error report is the access policy's view {@code
 * upload_errors}: the uploader's state, and the uploader's district.
 */
@RestController
@RequestMapping("/api/v1/uploads")
public class UploadController {
  private final UploadJobs jobs;
  private final PolicyProjection views;

  public UploadController(UploadJobs jobs, PolicyProjection views) {
    this.jobs = jobs;
    this.views = views;
  }

  @PostMapping
  @ApiResponse(
      responseCode = "202",
      content = @Content(schema = @Schema(implementation = UploadStatus.class)))
  public ResponseEntity<UploadStatus> upload(
      @RequestParam("file") MultipartFile file, @AuthenticationPrincipal NmisUser user)
      throws IOException {
    if (file.isEmpty()) {
      throw new ApiException(
          UploadProblem.EMPTY,
          "the file is empty; upload a CSV or XLSX file"
              + " with a header row and one registration per row");
    }
    // A file refused as a whole (UploadRejectedException) is answered 400 by the problem handler.
    UploadStatus started = jobs.start(user, file.getOriginalFilename(), file.getInputStream());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/api/v1/uploads/" + started.uploadId())
        .body(started);
  }

  @GetMapping("/{id}")
  public UploadStatus status(@PathVariable String id, @AuthenticationPrincipal NmisUser user) {
    return mine(id, user).status();
  }

  /** Every failed rule of every rejected row: CSV (default) or JSON. */
  @GetMapping("/{id}/errors")
  public void errors(
      @PathVariable String id,
      @RequestParam(value = "format", defaultValue = "csv") String format,
      @AuthenticationPrincipal NmisUser user,
      HttpServletResponse response)
      throws IOException {
    UploadJobs.Job job = mine(id, user);
    boolean csv = !format.equalsIgnoreCase("json");
    response.setContentType(csv ? "text/csv;charset=UTF-8" : "application/json;charset=UTF-8");
    response.setHeader("X-NMIS-Upload-State", job.status().state());
    try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
      jobs.writeErrors(
          job,
          user,
          csv,
          column -> views.shows(PolicyProjection.UPLOAD_ERRORS, column, user.scope()),
          line -> views.uploadError(job.user.scope(), line, user.scope()),
          out);
    }
  }

  private UploadJobs.Job mine(String id, NmisUser user) {
    return jobs.job(id)
        .filter(j -> views.seesUpload(j.user.scope(), user.scope()))
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.UPLOAD_NOT_FOUND,
                    "no upload " + id + " of yours; upload IDs look like UP-XXXXXXXXXXXX"));
  }
}
