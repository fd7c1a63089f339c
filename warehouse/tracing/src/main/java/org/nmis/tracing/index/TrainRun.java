package org.nmis.tracing.index;

import java.time.LocalDate;

/**
 * A train on a date: everyone manifested on it travelled together, whichever request seated them.
 */
record TrainRun(String trainNumber, LocalDate date) {}
