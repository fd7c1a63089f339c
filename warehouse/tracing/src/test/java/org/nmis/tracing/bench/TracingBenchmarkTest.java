package org.nmis.tracing.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable on a tiny country (3 trains). No timing is asserted. */
class TracingBenchmarkTest {
  @Test
  void theBenchmarkRunsEndToEnd() throws Exception {
    String report = TracingBenchmark.run(3, 6_000, 200, 100);

    assertTrue(report.contains("p99") && report.contains("bulk: 100 index cases"), report);
  }
}
