package org.nmis.warehouse.spark;

import java.util.ConcurrentModificationException;
import java.util.function.Supplier;

/**
 * Retries a Delta commit that met a conflicting commit (Delta's optimistic concurrency throws a
 * {@link ConcurrentModificationException} subclass). Only for work that is safe to repeat: an
 * append guarded by {@code txnAppId}/{@code txnVersion}, a MERGE whose conditions make a second run
 * change nothing, a DELETE. The writers that share a table (the ingestion job, an erasure, the
 * retention job, an auditor's {@code ALTER TABLE}) then never stop each other.
 */
public final class Conflicts {
  /** Tries of one piece of work against commits that conflict with it. */
  public static final int ATTEMPTS = 10;

  private Conflicts() {}

  /**
   * Runs {@code work}, again after a growing pause when it meets a conflicting commit, at most
   * {@link #ATTEMPTS} times; then throws an {@link IllegalStateException} whose message starts with
   * {@code code} and names {@code what}.
   */
  public static <T> T retry(String code, String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (ConcurrentModificationException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(
              code
                  + ": "
                  + what
                  + " met a conflicting commit "
                  + ATTEMPTS
                  + " times; another writer keeps changing the same files. Try again when it is"
                  + " quiet",
              e);
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(code + ": interrupted while retrying " + what, ie);
        }
      }
    }
  }

  /** {@link #retry(String, String, Supplier)} for work without a result. */
  public static void retry(String code, String what, Runnable work) {
    retry(
        code,
        what,
        () -> {
          work.run();
          return null;
        });
  }
}
