package org.nmis.tracing.lookup;

import org.nmis.tracing.journeys.Journey;

/**
 * A journey with the traveller's e-pass on it (NOT_ISSUED for a journey that is not manifested).
 */
public record TracedJourney(Journey journey, EPassStatus pass) {}
