package org.nmis.movement.allocation;

/** Why a party got no berths. */
public enum OverflowReason {
  /** The train has fewer free berths than the party needs. */
  TRAIN_FULL,
  /** Enough berths are free in the train, but no single coach has room for the whole party. */
  NO_COACH_WITH_ROOM,
  /** The party is larger than any coach of the rake. */
  PARTY_LARGER_THAN_COACH
}
