package org.nmis.tracing.index;

/**
 * A registrant's own line on a request's manifest (a companion's when the registrant has none) and
 * party size.
 */
record SeatRef(SeatedRequest request, int line, int partySize) {}
