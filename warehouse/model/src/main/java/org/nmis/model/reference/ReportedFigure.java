package org.nmis.model.reference;

import java.time.LocalDate;

/**
 * A figure reported in 2020 about the Shramik Special trains (a total to a date, or a state's
 * count), with where it was published. {@code stateCode} is null for national figures.
 */
public record ReportedFigure(
    LocalDate asOf, String metric, Integer stateCode, double value, String unit, String source) {}
