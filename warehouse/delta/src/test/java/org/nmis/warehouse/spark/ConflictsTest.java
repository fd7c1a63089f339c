package org.nmis.warehouse.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictsTest {
  @Test
  void aConflictIsTriedAgainUntilTheWorkGoesThrough() {
    AtomicInteger tries = new AtomicInteger();
    int result =
        Conflicts.retry(
            "NMIS-TEST-001",
            "the test's commit",
            () -> {
              if (tries.incrementAndGet() < 3) {
                throw new ConcurrentModificationException("another writer committed first");
              }
              return 42;
            });
    assertEquals(42, result);
    assertEquals(3, tries.get());
  }

  @Test
  void endlessConflictsEndWithTheCodeAndOtherErrorsAreNotRetried() {
    AtomicInteger tries = new AtomicInteger();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Conflicts.retry(
                    "NMIS-TEST-002",
                    "the test's commit",
                    () -> {
                      tries.incrementAndGet();
                      throw new ConcurrentModificationException("again");
                    }));
    assertEquals(Conflicts.ATTEMPTS, tries.get());
    assertTrue(e.getMessage().startsWith("NMIS-TEST-002: the test's commit met"), e.getMessage());

    AtomicInteger once = new AtomicInteger();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            Conflicts.retry(
                "NMIS-TEST-003",
                "the test's commit",
                () -> {
                  once.incrementAndGet();
                  throw new IllegalArgumentException("not a conflict");
                }));
    assertEquals(1, once.get());
  }
}
