package org.nmis.tracing.index;

/** How much the index holds, for the status endpoint and the benchmark. */
public record IndexStats(
    int persons, int manifests, int trainRuns, int vehicleRuns, long seatedTravellers) {}
