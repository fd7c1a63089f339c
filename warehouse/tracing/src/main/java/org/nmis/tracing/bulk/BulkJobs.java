package org.nmis.tracing.bulk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Bulk tracing jobs: run one at a time in the background and kept for their owner only. A finished
 * job is kept for {@code keep} after it finished, and at most {@code maxJobs} jobs are kept in all
 * (the oldest finished go first), so that the lists of names and mobiles they hold do not pile up
 * in memory. Thread-safe.
 */
public final class BulkJobs implements AutoCloseable {
  /** One job: who asked, why, and, once finished, its report or why it failed. */
  public static final class Job {
    private final String id;
    private final String owner;
    private final String purpose;
    private final int indexCases;
    private volatile BulkReport report;
    private volatile String failure;
    private volatile Instant finishedAt;

    /** A job that finished before the last restart: its counts, not its lists. */
    private final Record restored;

    private Job(String id, String owner, String purpose, int indexCases, Record restored) {
      this.id = id;
      this.owner = owner;
      this.purpose = purpose;
      this.indexCases = indexCases;
      this.restored = restored;
    }

    public String id() {
      return id;
    }

    public String purpose() {
      return purpose;
    }

    public int indexCases() {
      return indexCases;
    }

    /**
     * RUNNING, DONE or FAILED; INTERRUPTED for a job the service stopped under (restart it with the
     * same index cases).
     */
    public String state() {
      if (restored != null) {
        return restored.state();
      }
      return failure != null ? "FAILED" : report != null ? "DONE" : "RUNNING";
    }

    /**
     * Persons on the lists, once DONE (also for a job finished before a restart, whose lists are
     * gone).
     */
    public Optional<Integer> exposedPersons() {
      return report != null
          ? Optional.of(report.exposedPersons())
          : Optional.ofNullable(restored == null ? null : restored.exposedPersons());
    }

    /** Index cases that matched nobody, once DONE. */
    public Optional<Integer> unresolved() {
      return report != null
          ? Optional.of(report.unresolved().size())
          : Optional.ofNullable(restored == null ? null : restored.unresolved());
    }

    /**
     * True for a job from before the last restart: its lists (names and mobiles) were held in
     * memory only and are gone; its status and counts remain.
     */
    public boolean listsLost() {
      return restored != null;
    }

    /** The lists, once the job is DONE. */
    public Optional<BulkReport> report() {
      return Optional.ofNullable(report);
    }

    public Optional<String> failure() {
      return Optional.ofNullable(restored != null ? restored.failure() : failure);
    }

    private Record record(Instant startedAt) {
      return new Record(
          id,
          owner,
          purpose,
          indexCases,
          state(),
          exposedPersons().orElse(null),
          unresolved().orElse(null),
          failure().orElse(null),
          startedAt,
          finishedAt);
    }

    private boolean finished() {
      return finishedAt != null;
    }
  }

  /** How a job ended: its report, or why it failed. */
  public record Outcome(String jobId, BulkReport report, String failure) {}

  /**
   * What outlives the service about a job: who, why, its state and counts, never its lists (they
   * hold names and mobiles, and are held in memory only).
   */
  public record Record(
      String id,
      String owner,
      String purpose,
      int indexCases,
      String state,
      Integer exposedPersons,
      Integer unresolved,
      String failure,
      Instant startedAt,
      Instant finishedAt) {}

  /** Where records are kept across restarts (the service keeps one file per job). */
  public interface Ledger {
    void save(Record record);

    void forget(String jobId);

    List<Record> load();
  }

  /** No ledger: jobs live in memory only (tests). */
  public static final Ledger IN_MEMORY =
      new Ledger() {
        @Override
        public void save(Record record) {}

        @Override
        public void forget(String jobId) {}

        @Override
        public List<Record> load() {
          return List.of();
        }
      };

  /** What a job running when the service stopped says, and how to resume it. */
  static final String INTERRUPTED =
      "NMIS-TRC-105: the service stopped while this job ran; nothing was released. Start it again"
          + " with the same index cases";

  private final BulkTrace trace;
  private final Clock clock;
  private final Duration keep;
  private final int maxJobs;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Ledger ledger;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "nmis-tracing-bulk");
            t.setDaemon(true);
            return t;
          });

  public BulkJobs(BulkTrace trace, Clock clock, Duration keep, int maxJobs) {
    this(trace, clock, keep, maxJobs, IN_MEMORY);
  }

  /**
   * Jobs recorded in {@code ledger} come back: finished ones with their state and counts (their
   * lists are gone), running ones as INTERRUPTED.
   */
  public BulkJobs(BulkTrace trace, Clock clock, Duration keep, int maxJobs, Ledger ledger) {
    if (keep.isNegative() || keep.isZero() || maxJobs < 1) {
      throw new IllegalArgumentException(
          "NMIS-TRC-103: bulk jobs kept for "
              + keep
              + ", at most "
              + maxJobs
              + ", would drop a job before its owner can fetch it; keep them at least a minute, and at least one");
    }
    this.trace = trace;
    this.clock = clock;
    this.keep = keep;
    this.maxJobs = maxJobs;
    this.ledger = ledger;
    for (Record r : ledger.load()) {
      Record back =
          r.finishedAt() != null
              ? r
              : new Record(
                  r.id(),
                  r.owner(),
                  r.purpose(),
                  r.indexCases(),
                  "INTERRUPTED",
                  null,
                  null,
                  INTERRUPTED,
                  r.startedAt(),
                  clock.instant());
      ledger.save(back);
      Job job = new Job(back.id(), back.owner(), back.purpose(), back.indexCases(), back);
      job.finishedAt = back.finishedAt();
      jobs.put(job.id, job);
    }
  }

  /**
   * Starts a job over {@code cases} within the window. {@code finished} runs on the job's thread
   * with the outcome before the job shows DONE or FAILED, so that its audit record is written
   * before anyone can fetch the lists.
   */
  public Job start(
      String owner,
      String purpose,
      List<String> cases,
      LocalDate from,
      LocalDate to,
      Consumer<Outcome> finished) {
    evict();
    Job job = new Job("TB-" + UUID.randomUUID(), owner, purpose, cases.size(), null);
    Instant startedAt = clock.instant();
    ledger.save(job.record(startedAt));
    jobs.put(job.id, job);
    runner.submit(
        () -> {
          Outcome outcome;
          try {
            outcome = new Outcome(job.id, trace.run(cases, from, to), null);
          } catch (RuntimeException e) {
            outcome =
                new Outcome(
                    job.id,
                    null,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
          }
          try {
            finished.accept(outcome);
          } catch (RuntimeException e) {
            // The lists must not be handed out unaudited: the job fails, saying why.
            outcome =
                new Outcome(
                    job.id,
                    null,
                    "NMIS-TRC-104: the job's audit record could not be written ("
                        + e
                        + "); nothing was released, start the job again");
          }
          job.failure = outcome.failure();
          job.report = outcome.report();
          job.finishedAt = clock.instant();
          ledger.save(job.record(startedAt));
        });
    return job;
  }

  /**
   * The job if it exists and belongs to {@code owner}; another user's job is answered as missing.
   */
  public Optional<Job> get(String id, String owner) {
    evict();
    return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(owner));
  }

  /** How many jobs are kept now (tests, status). */
  public int size() {
    return jobs.size();
  }

  private void evict() {
    Instant oldest = clock.instant().minus(keep);
    jobs.values()
        .removeIf(
            j -> {
              boolean old = j.finished() && j.finishedAt.isBefore(oldest);
              if (old) {
                ledger.forget(j.id);
              }
              return old;
            });
    int over = jobs.size() - maxJobs;
    if (over > 0) {
      jobs.values().stream()
          .filter(Job::finished)
          .sorted(Comparator.comparing((Job j) -> j.finishedAt))
          .limit(over)
          .toList()
          .forEach(
              j -> {
                jobs.remove(j.id);
                ledger.forget(j.id);
              });
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }
}
