package org.nmis.movement.layout;

/**
 * One berth of a coach layout: its number (from 1), type and bay (the open compartment it belongs
 * to).
 */
public record Berth(int number, BerthType type, int bay) {}
