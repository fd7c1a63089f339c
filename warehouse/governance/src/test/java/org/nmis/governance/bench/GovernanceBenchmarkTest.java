package org.nmis.governance.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark runnable: every query of the mix prepares for every caller. No timing is
 * asserted.
 */
class GovernanceBenchmarkTest {
  @Test
  void theMixPreparesAndIsMeasured() {
    String report =
        GovernanceBenchmark.run(
            0, GovernanceBenchmark.QUERIES.size() * GovernanceBenchmark.CALLERS.size());
    assertTrue(report.contains("p50") && report.contains("p99"), report);
  }
}
