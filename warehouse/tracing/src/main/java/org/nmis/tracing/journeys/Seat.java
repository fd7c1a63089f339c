package org.nmis.tracing.journeys;

import org.nmis.movement.layout.BerthType;

/**
 * A berth on a manifested train: coach name, berth number, berth type and bay (open compartment) of
 * the coach.
 */
public record Seat(String coach, int berth, BerthType berthType, int bay) {}
