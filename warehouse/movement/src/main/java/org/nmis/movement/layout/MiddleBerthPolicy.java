package org.nmis.movement.layout;

/**
 * Whether middle berths are sold. Shramik trains left them empty for distancing until 11 May 2020
 * (54 of 72 SL berths), then ran full.
 */
public enum MiddleBerthPolicy {
  OCCUPIED,
  LEFT_EMPTY;

  public boolean allows(BerthType type) {
    return this == OCCUPIED || type != BerthType.MB;
  }
}
