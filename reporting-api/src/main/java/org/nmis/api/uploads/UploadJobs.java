package org.nmis.api.uploads;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.registrations.RegistrationSubmissions;
import org.nmis.api.security.NmisUser;
import org.nmis.model.csv.CsvWriter;
import org.nmis.model.registration.FieldError;
import org.nmis.uploads.Limits;
import org.nmis.uploads.UploadFile;
import org.nmis.uploads.UploadRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Upload jobs: the file is saved under {data-dir}/uploads/ID, checked as a whole (file-level
 * problems refuse it at once), then read as a stream in the background: each row is validated like
 * an API record, valid rows are published to the registrations topic, and every failed rule goes to
 * the job's error report with the row's line number. A re-upload of a corrected file publishes the
 * same source records again: their person IDs stay and identical rows change nothing in the
 * warehouse. Each job's folder keeps its status ({@code status.json}) beside the error report, so
 * both survive a restart; a job the service stopped in the middle of comes back as INTERRUPTED,
 * saying to upload the file again. Uploaded files are deleted once read, and any left behind by a
 * stop are deleted at start-up.
 */
@Service
public class UploadJobs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UploadJobs.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, Object>> ROW = new TypeReference<>() {};
  private static final String STATUS = "status.json";

  /**
   * How often a running job's status is saved: every second and every 5,000 rows (its counts after
   * a stop are this far behind at most).
   */
  private static final long PROGRESS_SAVE_NANOS = 1_000_000_000L;

  private static final long PROGRESS_SAVE_ROWS = 5_000;

  /** The columns of an error report, in order; each line is a JSON object of them in the file. */
  public static final List<String> ERROR_COLUMNS =
      List.of("line", "source_record_id", "field", "code", "value", "message");

  private static final char[] ID_SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final RegistrationSubmissions submissions;
  private final Path root;
  private final Limits limits;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nmis-uploads");
            t.setDaemon(true);
            return t;
          });
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Duration keep;
  private final AuditLog audit;

  @org.springframework.beans.factory.annotation.Autowired
  public UploadJobs(
      RegistrationSubmissions submissions, NmisProperties properties, AuditLog audit) {
    this(
        submissions,
        properties.dataDir().resolve("uploads"),
        properties.api().uploadsKeep(),
        audit);
  }

  UploadJobs(RegistrationSubmissions submissions, Path root, Duration keep, AuditLog audit) {
    this.submissions = submissions;
    this.audit = audit;
    this.root = root;
    this.limits = Limits.DEFAULT;
    this.keep = keep;
    recover();
  }

  /**
   * The jobs of the folders a previous run left: finished ones as they ended, unfinished ones as
   * INTERRUPTED; uploaded files and folders without a status are deleted.
   */
  private void recover() {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (var dirs = Files.list(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        deleteQuietly(dir.resolve("file"));
        Path status = dir.resolve(STATUS);
        if (!Files.exists(status)) {
          deleteRecursively(dir);
          continue;
        }
        try {
          Job job = Job.restored(JSON.readTree(status.toFile()));
          jobs.put(job.id, job);
        } catch (IOException | RuntimeException e) {
          LOG.warn("upload folder {} has an unreadable status ({}); deleted", dir, e.toString());
          deleteRecursively(dir);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "NMIS-UPL-101: cannot read the upload folders in " + root + "; check its permissions", e);
    }
  }

  /** An upload in progress or done; counters are live. */
  static final class Job {
    final String id;
    final String fileName;
    final NmisUser user;
    final Instant startedAt;
    final AtomicLong received = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    volatile UploadFile file;
    volatile long expected;
    volatile Instant finishedAt;
    volatile String failure;
    volatile String format;
    volatile boolean interrupted;

    Job(String id, String fileName, NmisUser user, Instant startedAt) {
      this.id = id;
      this.fileName = fileName;
      this.user = user;
      this.startedAt = startedAt;
    }

    /** The job as its folder's status.json describes it. */
    JsonNode saved() {
      ObjectNode s =
          JSON.createObjectNode()
              .put("upload_id", id)
              .put("file_name", fileName)
              .put("format", format)
              .put("username", user.username())
              .put("role", user.role().name())
              .put("state_code", user.stateCode())
              .put("district_code", user.districtCode())
              .put("started_at", startedAt.toString())
              .put("expected", expected)
              .put("received", received.get())
              // Until the end, only rows the topic has confirmed count as accepted: a stop
              // loses the others, and the restored status must not claim them.
              .put("accepted", finishedAt == null ? acknowledged.get() : accepted.get())
              .put("rejected", rejected.get())
              .put("finished_at", finishedAt == null ? null : finishedAt.toString())
              .put("failure", failure);
      return s;
    }

    /**
     * A job of an earlier run: as it ended, or, if the service stopped before it ended, interrupted
     * (it may be forgotten after nmis.api.uploads-keep from now).
     */
    static Job restored(JsonNode s) {
      NmisUser user =
          new NmisUser(
              s.get("username").asText(),
              "",
              org.nmis.model.access.Role.valueOf(s.get("role").asText()),
              s.hasNonNull("state_code") ? s.get("state_code").asInt() : null,
              s.hasNonNull("district_code") ? s.get("district_code").asInt() : null);
      Job job =
          new Job(
              s.get("upload_id").asText(),
              s.get("file_name").asText(null),
              user,
              Instant.parse(s.get("started_at").asText()));
      job.format = s.get("format").asText(null);
      job.expected = s.get("expected").asLong();
      job.received.set(s.get("received").asLong());
      job.accepted.set(s.get("accepted").asLong());
      job.acknowledged.set(s.get("accepted").asLong());
      job.rejected.set(s.get("rejected").asLong());
      job.failure = s.get("failure").asText(null);
      if (s.hasNonNull("finished_at")) {
        job.finishedAt = Instant.parse(s.get("finished_at").asText());
      } else {
        job.interrupted = true;
        job.finishedAt = Instant.now();
        job.failure =
            "the service stopped while reading this file; its counts and error report are those"
                + " of the rows read before the stop. Upload the same file again: rows already"
                + " accepted are recognised by their source record and not counted twice";
      }
      return job;
    }

    UploadStatus status() {
      String state =
          interrupted
              ? "INTERRUPTED"
              : failure != null ? "FAILED" : finishedAt != null ? "DONE" : "RUNNING";
      long pending = Math.max(0, expected - received.get()) + (accepted.get() - acknowledged.get());
      return new UploadStatus(
          id,
          fileName,
          format,
          state,
          expected,
          received.get(),
          accepted.get(),
          rejected.get(),
          pending,
          interrupted
              ? (expected > 0 ? Math.min(1.0, (double) received.get() / expected) : 0.0)
              : finishedAt != null ? 1.0 : file == null ? 0.0 : file.progress(),
          user.principalLabel(),
          startedAt,
          finishedAt,
          failure);
    }
  }

  /**
   * Saves and checks the file, then starts reading it; throws UploadRejectedException for
   * file-level problems.
   */
  public UploadStatus start(NmisUser user, String fileName, InputStream content)
      throws IOException {
    evict();
    String id = newId();
    Path dir = Files.createDirectories(root.resolve(id));
    Path saved = dir.resolve("file");
    Files.copy(content, saved, StandardCopyOption.REPLACE_EXISTING);
    UploadFile file;
    try {
      file = UploadFile.open(saved, limits);
    } catch (RuntimeException | IOException e) {
      deleteRecursively(dir);
      throw e;
    }
    Job job = new Job(id, fileName, user, Instant.now());
    job.file = file;
    job.format = file.format().name();
    job.expected = file.expectedRows().orElse(0);
    save(job, dir);
    jobs.put(id, job);
    runner.submit(() -> run(job, dir));
    return job.status();
  }

  public Optional<Job> job(String id) {
    evict();
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * Forgets finished uploads older than nmis.api.uploads-keep and deletes their folders (file,
   * error report).
   */
  private void evict() {
    Instant oldest = Instant.now().minus(keep);
    for (Job job : jobs.values()) {
      if (job.finishedAt != null && job.finishedAt.isBefore(oldest) && jobs.remove(job.id, job)) {
        deleteRecursively(root.resolve(job.id));
      }
    }
  }

  /**
   * The error report: one JSON line per failed rule (line, source_record_id, field, code, message).
   */
  private Path errorsOf(Job job) {
    return root.resolve(job.id).resolve("errors.jsonl");
  }

  /**
   * The job's error report so far: every failed rule of every rejected row, as CSV or as a JSON
   * array, each line as {@code view} shows it to the reader: lines it gives nothing for are left
   * out, and so are the columns it leaves out ({@code shows} names them for the CSV header).
   */
  public void writeErrors(
      Job job,
      NmisUser reader,
      boolean csv,
      Predicate<String> shows,
      Function<Map<String, Object>, Optional<Map<String, Object>>> view,
      Writer out)
      throws IOException {
    long t0 = System.nanoTime();
    long written = 0;
    Path file = errorsOf(job);
    CsvWriter csvOut = new CsvWriter(out);
    boolean first = true;
    if (csv) {
      csvOut.row(ERROR_COLUMNS.stream().filter(shows).toList());
    } else {
      out.write("[");
    }
    try (BufferedReader in =
        Files.exists(file)
            ? Files.newBufferedReader(file, StandardCharsets.UTF_8)
            : new BufferedReader(new StringReader(""))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        Optional<Map<String, Object>> shown = view.apply(JSON.readValue(line, ROW));
        if (shown.isEmpty()) {
          continue;
        }
        if (csv) {
          ERROR_COLUMNS.stream()
              .filter(shown.get()::containsKey)
              .forEach(c -> csvOut.field(shown.get().get(c)));
          csvOut.endRow();
        } else {
          out.write(first ? "" : ",");
          out.write(JSON.writeValueAsString(shown.get()));
          first = false;
        }
        written++;
      }
    }
    if (!csv) {
      out.write("]");
    }
    // The report carries the rejected values (names, mobiles as typed): its downloads are reads.
    audit.record(
        AuditEvent.of(
            reader,
            "uploads.errors",
            Map.of("upload_id", job.id, "format", csv ? "csv" : "json"),
            written,
            "OK",
            t0));
  }

  private void run(Job job, Path dir) {
    String submittedBy = "upload:" + job.id + ":" + job.user.principalLabel();
    long[] savedAt = {System.nanoTime()};
    try (UploadFile file = job.file;
        BufferedWriter errors =
            Files.newBufferedWriter(dir.resolve("errors.jsonl"), StandardCharsets.UTF_8)) {
      file.rows()
          .forEach(
              row -> {
                if (job.received.get() % PROGRESS_SAVE_ROWS == 0
                    || System.nanoTime() - savedAt[0] > PROGRESS_SAVE_NANOS) {
                  // The status and error report as far as read: what a restart shows of a job
                  // the stop cut short.
                  flushQuietly(errors);
                  save(job, dir);
                  savedAt[0] = System.nanoTime();
                }
                job.received.incrementAndGet();
                RegistrationSubmissions.Checked checked = submissions.check(job.user, row.input());
                if (checked.registration() != null) {
                  job.accepted.incrementAndGet();
                  CompletableFuture<?> sent =
                      submissions.publisher().publish(checked.registration(), submittedBy);
                  sent.whenComplete(
                      (ok, error) -> {
                        if (error == null) {
                          job.acknowledged.incrementAndGet();
                        } else {
                          job.failure =
                              "the registrations topic refused a row ("
                                  + error
                                  + "); upload the file again";
                        }
                      });
                } else {
                  job.rejected.incrementAndGet();
                  writeErrors(errors, row, checked);
                }
              });
      submissions.publisher().flush();
      job.expected = job.received.get();
    } catch (RuntimeException | IOException e) {
      LOG.warn("upload {} failed: {}", job.id, e.toString());
      job.failure = e.getMessage();
    } finally {
      job.finishedAt = Instant.now();
      deleteQuietly(dir.resolve("file"));
      save(job, dir);
    }
  }

  private static void flushQuietly(BufferedWriter errors) {
    try {
      errors.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the job's status.json, whole or not at all (written aside, then moved over). */
  private static void save(Job job, Path dir) {
    try {
      Path tmp = dir.resolve(STATUS + ".tmp");
      Files.write(tmp, JSON.writeValueAsBytes(job.saved()));
      Files.move(
          tmp,
          dir.resolve(STATUS),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.warn(
          "NMIS-UPL-102: upload {}'s status could not be saved in {} ({}); it is lost at a restart",
          job.id,
          dir,
          e.toString());
    }
  }

  private static void writeErrors(
      BufferedWriter out, UploadRow row, RegistrationSubmissions.Checked checked) {
    try {
      for (FieldError e : checked.errors()) {
        ObjectNode line =
            JSON.createObjectNode()
                .put("line", row.lineNumber())
                .put("source_record_id", checked.sourceRecordId())
                .put("field", e.field())
                .put("code", e.code().name())
                .put("value", e.value())
                .put("message", e.message());
        out.write(line.toString());
        out.write('\n');
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private String newId() {
    StringBuilder sb = new StringBuilder("UP-");
    for (int i = 0; i < 12; i++) {
      sb.append(ID_SYMBOLS[random.nextInt(ID_SYMBOLS.length)]);
    }
    return sb.toString();
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // removed with the data directory
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // removed with the data directory
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }
}
