package org.nmis.movement.allocation;

/**
 * A traveller left without a berth, with the reason and a sentence for the officials who must find
 * them a seat.
 */
public record Overflow(Traveller traveller, OverflowReason reason, String detail) {}
