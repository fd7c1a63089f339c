package org.nmis.movement.request;

/** Where a movement request stands. REJECTED, ARRIVED and CANCELLED are final. */
public enum RequestStatus {
  DRAFT,
  SUBMITTED,
  ACCEPTED,
  PARTIALLY_ACCEPTED,
  REJECTED,
  TRAIN_BOOKED,
  MANIFESTED,
  DEPARTED,
  ARRIVED,
  CANCELLED
}
