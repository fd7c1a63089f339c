package org.nmis.tracing.exposure;

/**
 * How close a co-traveller was to the index case, strongest first: the same bay (open compartment)
 * of the same coach, the same coach, another coach of the same train, or the same vehicle by its
 * reference (a bus, or a train when seating is not known). Each traveller gets only the strongest
 * level that applies.
 */
public enum ExposureLevel {
  SAME_BAY,
  SAME_COACH,
  SAME_TRAIN,
  SAME_VEHICLE;

  public boolean isStrongerThan(ExposureLevel other) {
    return other == null || ordinal() < other.ordinal();
  }

  /** The stronger of two levels; null counts as no exposure. */
  public static ExposureLevel strongest(ExposureLevel a, ExposureLevel b) {
    return a != null && a.isStrongerThan(b) ? a : b;
  }
}
