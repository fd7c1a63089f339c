package org.nmis.api.reports;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiException;
import org.nmis.api.security.NmisUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * One download of a PDF: the caller's checks on the request thread, the filling on the report
 * threads (the request thread is released meanwhile), the answer as an attachment, and an audit
 * record of the outcome, refusals included.
 */
public class ReportDownloads {
  private final ReportRunner runner;
  private final AuditLog audit;
  private final long timeoutMillis;

  public ReportDownloads(ReportRunner runner, AuditLog audit, NmisProperties.Reports settings) {
    this.runner = runner;
    this.audit = audit;
    // The runner answers REPORT_TIMED_OUT first; the servlet container's own limit comes after.
    this.timeoutMillis = settings.timeout().toMillis() + 5_000;
  }

  /**
   * A filled document: its file name (anything but letters, digits, dot, dash and underscore
   * becomes a dash: an NOC number such as UP/NOC/2020/117 holds slashes), bytes and the number of
   * people or rows it shows.
   */
  public record Pdf(String fileName, byte[] bytes, long rows) {
    public Pdf {
      fileName = fileName.replaceAll("[^A-Za-z0-9._-]", "-");
    }
  }

  /**
   * {@code check} runs now and answers the work to run later, or throws the refusal (audited, then
   * answered as a problem).
   */
  public DeferredResult<ResponseEntity<byte[]>> download(
      String action, Map<String, String> asked, NmisUser user, Supplier<Supplier<Pdf>> check) {
    long t0 = System.nanoTime();
    CompletableFuture<Pdf> filling;
    try {
      filling = runner.submit(check.get());
    } catch (ApiException refused) {
      record(action, asked, user, 0, "REFUSED " + refused.error().code(), t0);
      throw refused;
    }
    DeferredResult<ResponseEntity<byte[]>> answer = new DeferredResult<>(timeoutMillis);
    filling.whenComplete(
        (pdf, failure) -> {
          if (failure != null) {
            Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            record(
                action,
                asked,
                user,
                0,
                cause instanceof ApiException e ? "REFUSED " + e.error().code() : "FAILED",
                t0);
            answer.setErrorResult(cause);
            return;
          }
          record(action, asked, user, pdf.rows(), "OK", t0);
          answer.setResult(
              ResponseEntity.ok()
                  .contentType(MediaType.APPLICATION_PDF)
                  .header(
                      HttpHeaders.CONTENT_DISPOSITION,
                      ContentDisposition.attachment().filename(pdf.fileName()).build().toString())
                  .body(pdf.bytes()));
        });
    return answer;
  }

  private void record(
      String action, Map<String, String> asked, NmisUser user, long rows, String outcome, long t0) {
    audit.record(AuditEvent.of(user, action, asked, rows, outcome, t0));
  }
}
