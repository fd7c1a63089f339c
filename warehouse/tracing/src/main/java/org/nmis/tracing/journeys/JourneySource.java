package org.nmis.tracing.journeys;

/**
 * Where a journey comes from. A registration states a date, a mode and perhaps a vehicle; a
 * manifest seats the person on a booked train.
 */
public enum JourneySource {
  REGISTRATION,
  MANIFEST
}
