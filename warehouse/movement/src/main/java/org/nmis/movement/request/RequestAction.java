package org.nmis.movement.request;

import static org.nmis.movement.request.RequestStatus.ACCEPTED;
import static org.nmis.movement.request.RequestStatus.ARRIVED;
import static org.nmis.movement.request.RequestStatus.CANCELLED;
import static org.nmis.movement.request.RequestStatus.DEPARTED;
import static org.nmis.movement.request.RequestStatus.DRAFT;
import static org.nmis.movement.request.RequestStatus.MANIFESTED;
import static org.nmis.movement.request.RequestStatus.PARTIALLY_ACCEPTED;
import static org.nmis.movement.request.RequestStatus.REJECTED;
import static org.nmis.movement.request.RequestStatus.SUBMITTED;
import static org.nmis.movement.request.RequestStatus.TRAIN_BOOKED;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The transitions of a movement request: the states each may start from, the state it leads to, who
 * may take it and the details its event carries. This table is the whole state machine.
 */
public enum RequestAction {
  CREATE(DRAFT, EnumSet.noneOf(RequestStatus.class), Created.class, Party.ORIGIN),
  EDIT(DRAFT, EnumSet.of(DRAFT), Proposal.class, Party.ORIGIN),
  SUBMIT(SUBMITTED, EnumSet.of(DRAFT), null, Party.ORIGIN),
  ACCEPT(ACCEPTED, EnumSet.of(SUBMITTED), Decision.class, Party.DESTINATION_STATE),
  PARTIALLY_ACCEPT(
      PARTIALLY_ACCEPTED, EnumSet.of(SUBMITTED), Decision.class, Party.DESTINATION_STATE),
  REJECT(REJECTED, EnumSet.of(SUBMITTED), Decision.class, Party.DESTINATION_STATE),
  BOOK_TRAIN(TRAIN_BOOKED, EnumSet.of(ACCEPTED, PARTIALLY_ACCEPTED), Booked.class, Party.RAILWAYS),
  MANIFEST(
      MANIFESTED,
      EnumSet.of(TRAIN_BOOKED, MANIFESTED),
      Manifested.class,
      Party.RAILWAYS,
      Party.ORIGIN_STATE),
  DEPART(DEPARTED, EnumSet.of(MANIFESTED), null, Party.RAILWAYS),
  ARRIVE(ARRIVED, EnumSet.of(DEPARTED), null, Party.RAILWAYS, Party.DESTINATION_STATE),
  CANCEL(
      CANCELLED,
      EnumSet.of(DRAFT, SUBMITTED, ACCEPTED, PARTIALLY_ACCEPTED, TRAIN_BOOKED, MANIFESTED),
      null,
      Party.ORIGIN);

  private final RequestStatus target;
  private final Set<RequestStatus> from;
  private final Class<? extends EventDetails> details;
  private final List<Party> parties;

  RequestAction(
      RequestStatus target,
      Set<RequestStatus> from,
      Class<? extends EventDetails> details,
      Party... parties) {
    this.target = target;
    this.from = from;
    this.details = details;
    this.parties = List.of(parties);
  }

  public RequestStatus target() {
    return target;
  }

  public boolean allowedFrom(RequestStatus status) {
    return from.contains(status);
  }

  /** The states this action may start from, for messages and documentation. */
  public Set<RequestStatus> from() {
    return Collections.unmodifiableSet(from);
  }

  public List<Party> parties() {
    return parties;
  }

  /** The type of its event's details; null when the event carries none. */
  public Class<? extends EventDetails> detailsType() {
    return details;
  }
}
