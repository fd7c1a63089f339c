package org.nmis.movement.layout;

/** One coach of a rake: its name on the train (S1, S2..., B1...) and its layout. */
public record Coach(String name, CoachLayout layout) {}
