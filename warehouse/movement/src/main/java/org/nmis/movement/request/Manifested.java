package org.nmis.movement.request;

/**
 * The details of a MANIFEST event: how many travellers got berths and how many are left in the
 * overflow list.
 */
public record Manifested(int placed, int overflow) implements EventDetails {}
