package org.nmis.tracing.index;

import java.time.LocalDate;

/** A vehicle reference (as {@link org.nmis.tracing.journeys.VehicleRefs#key}) on a date. */
record VehicleRun(String key, LocalDate date) {}
