package org.nmis.movement.layout;

/** Lower, middle, upper, side lower, side upper. */
public enum BerthType {
  LB,
  MB,
  UB,
  SL,
  SU;

  /** The berths an elderly person or a child can reach without climbing. */
  public boolean isLower() {
    return this == LB || this == SL;
  }
}
