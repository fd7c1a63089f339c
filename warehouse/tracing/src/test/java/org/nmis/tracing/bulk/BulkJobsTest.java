package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.testing.MutableClock;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.testing.FakeMobileDirectory;

class BulkJobsTest {
  private static final LocalDate FROM = LocalDate.of(2020, 5, 1);
  private static final LocalDate TO = LocalDate.of(2020, 5, 31);

  private final MutableClock clock = new MutableClock(Instant.parse("2020-05-20T06:00:00Z"));
  private final BulkJobs jobs =
      new BulkJobs(
          new BulkTrace(
              TracingIndex.following(new RegistrationIndex(), TracingSettings.defaults()),
              new FakeMobileDirectory(),
              TracingSettings.defaults()),
          clock,
          Duration.ofHours(24),
          2);

  @AfterEach
  void stop() {
    jobs.close();
  }

  @Test
  void aJobIsItsOwnersAndIsAuditedBeforeItShowsDone() throws Exception {
    AtomicReference<String> stateWhenAudited = new AtomicReference<>();
    AtomicReference<BulkJobs.Job> started = new AtomicReference<>();
    CountDownLatch known = new CountDownLatch(1);
    BulkJobs.Job job =
        jobs.start(
            "health",
            "CLUSTER-1",
            List.of("9876543210", "not-a-number"),
            FROM,
            TO,
            outcome -> {
              // The job may finish before start() has returned it to this test.
              awaitQuietly(known);
              stateWhenAudited.set(
                  started.get().state() + ":" + outcome.report().unresolved().size());
            });
    started.set(job);
    known.countDown();
    assertEquals("DONE", await(job).state());
    assertEquals("RUNNING:2", stateWhenAudited.get(), "audited first, with the report");
    assertEquals(2, job.report().orElseThrow().unresolved().size());
    assertTrue(jobs.get(job.id(), "health").isPresent());
    assertTrue(
        jobs.get(job.id(), "health-2").isEmpty(), "another user's job does not exist for them");
  }

  @Test
  void aJobWhoseAuditFailsReleasesNothing() throws Exception {
    BulkJobs.Job job =
        jobs.start(
            "health",
            "CLUSTER-3",
            List.of("9876543210"),
            FROM,
            TO,
            outcome -> {
              throw new IllegalStateException("audit topic down");
            });
    assertEquals("FAILED", await(job).state());
    assertTrue(job.failure().orElseThrow().contains("NMIS-TRC-104"), job.failure().orElseThrow());
    assertTrue(job.report().isEmpty(), "no lists without an audit record");
  }

  /** A ledger in memory that outlives one BulkJobs, as the service's files outlive a restart. */
  private static final class MapLedger implements BulkJobs.Ledger {
    final java.util.Map<String, BulkJobs.Record> records =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void save(BulkJobs.Record r) {
      records.put(r.id(), r);
    }

    @Override
    public void forget(String jobId) {
      records.remove(jobId);
    }

    @Override
    public List<BulkJobs.Record> load() {
      return List.copyOf(records.values());
    }
  }

  @Test
  void afterARestartAFinishedJobKeepsItsStateAndCountsNotItsListsAndARunningOneIsInterrupted()
      throws Exception {
    MapLedger ledger = new MapLedger();
    BulkTrace trace =
        new BulkTrace(
            TracingIndex.following(new RegistrationIndex(), TracingSettings.defaults()),
            new FakeMobileDirectory(),
            TracingSettings.defaults());
    BulkJobs.Job done;
    try (BulkJobs before = new BulkJobs(trace, clock, Duration.ofHours(24), 10, ledger)) {
      done = before.start("health", "CLUSTER-9", List.of("9876543210", "x"), FROM, TO, o -> {});
      await(done);
    }
    // A job the service was running when it stopped: its record says it started, nothing more.
    BulkJobs.Record running =
        new BulkJobs.Record(
            "TB-running",
            "health",
            "CLUSTER-10",
            3,
            "RUNNING",
            null,
            null,
            null,
            clock.instant(),
            null);
    ledger.save(running);

    try (BulkJobs after = new BulkJobs(trace, clock, Duration.ofHours(24), 10, ledger)) {
      BulkJobs.Job back = after.get(done.id(), "health").orElseThrow();
      assertEquals("DONE", back.state());
      assertEquals(done.unresolved(), back.unresolved());
      assertEquals(done.exposedPersons(), back.exposedPersons());
      assertTrue(back.listsLost() && back.report().isEmpty(), "names and mobiles are not kept");
      BulkJobs.Job interrupted = after.get("TB-running", "health").orElseThrow();
      assertEquals("INTERRUPTED", interrupted.state());
      assertTrue(interrupted.failure().orElseThrow().contains("Start it again"));
      assertTrue(after.get("TB-running", "health-2").isEmpty());
      clock.advance(Duration.ofHours(25));
      after.get(done.id(), "health"); // eviction runs on access
      assertTrue(ledger.records.isEmpty(), "records go with their jobs");
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aJobThatCannotRunFailsWithTheReason() throws Exception {
    AtomicReference<BulkJobs.Outcome> seen = new AtomicReference<>();
    BulkJobs.Job job = jobs.start("health", "CLUSTER-2", List.of(), FROM, TO, seen::set);
    assertEquals("FAILED", await(job).state());
    assertTrue(job.failure().orElseThrow().contains("NMIS-TRC-007"), job.failure().orElseThrow());
    assertEquals(job.failure().orElseThrow(), seen.get().failure());
  }

  @Test
  void finishedJobsExpireAndTheOldestGoFirstOverTheLimit() throws Exception {
    BulkJobs.Job first = await(jobs.start("health", "A", List.of("9876543210"), FROM, TO, o -> {}));
    clock.advance(Duration.ofSeconds(60));
    BulkJobs.Job second =
        await(jobs.start("health", "B", List.of("9876543210"), FROM, TO, o -> {}));
    clock.advance(Duration.ofSeconds(60));
    BulkJobs.Job third = await(jobs.start("health", "C", List.of("9876543210"), FROM, TO, o -> {}));
    assertTrue(
        jobs.get(first.id(), "health").isEmpty(), "over the limit of 2, the oldest finished went");
    assertTrue(jobs.get(second.id(), "health").isPresent());
    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertTrue(jobs.get(third.id(), "health").isEmpty(), "a day after it finished, a job is gone");
    assertEquals(0, jobs.size());
  }

  private BulkJobs.Job await(BulkJobs.Job job) throws InterruptedException {
    for (int i = 0; i < 500 && job.state().equals("RUNNING"); i++) {
      Thread.sleep(10);
    }
    return job;
  }
}
