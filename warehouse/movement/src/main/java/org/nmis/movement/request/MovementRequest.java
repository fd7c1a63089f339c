package org.nmis.movement.request;

import java.time.Instant;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.movement.booking.TrainBooking;

/**
 * The current state of one movement request: the fold of its events. Fields that a later step fills
 * are null until then: {@code originDistrictCode} for a request of a whole state, {@code decision}
 * and {@code decidedAt} until the destination decides, {@code booking} until a train is booked,
 * {@code manifest} until one is generated, {@code submittedAt} until submitted.
 */
public record MovementRequest(
    RequestId id,
    int originStateCode,
    Integer originDistrictCode,
    Proposal proposal,
    RequestStatus status,
    long version,
    Decision decision,
    TrainBooking booking,
    Manifested manifest,
    String createdBy,
    Instant createdAt,
    Instant submittedAt,
    Instant decidedAt,
    Instant updatedAt) {

  /** Rebuilds a request from its events, oldest first, the first being its CREATE. */
  public static MovementRequest replay(List<RequestEvent> events) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException(
          "NMIS-MOV-105: a request needs at least its CREATE event to be replayed");
    }
    MovementRequest request = created(events.get(0));
    for (RequestEvent e : events.subList(1, events.size())) {
      request = request.apply(e);
    }
    return request;
  }

  /** The request a CREATE event starts. */
  public static MovementRequest created(RequestEvent e) {
    if (e.action() != RequestAction.CREATE || e.sequence() != 1) {
      throw new IllegalStateException(
          "NMIS-MOV-105: the event log of "
              + e.requestId()
              + " starts with "
              + e.eventId()
              + " ("
              + e.action()
              + "), not with its CREATE event 1; the log is incomplete");
    }
    Created c = (Created) e.details();
    return new MovementRequest(
        e.requestId(),
        c.originStateCode(),
        c.originDistrictCode(),
        c.proposal(),
        e.to(),
        e.sequence(),
        null,
        null,
        null,
        e.actor(),
        e.at(),
        null,
        null,
        e.at());
  }

  /**
   * The request after one more of its events. Events carry checked values: this only moves them in.
   */
  public MovementRequest apply(RequestEvent e) {
    if (!e.requestId().equals(id) || e.sequence() != version + 1 || e.from() != status) {
      throw new IllegalStateException(
          "NMIS-MOV-105: event "
              + e.eventId()
              + " ("
              + e.from()
              + " -> "
              + e.to()
              + ") does not follow "
              + id
              + " at version "
              + version
              + " ("
              + status
              + "); the log has a gap, a"
              + " duplicate or another request's event");
    }
    EventDetails d = e.details();
    return new MovementRequest(
        id,
        originStateCode,
        originDistrictCode,
        d instanceof Proposal p ? p : proposal,
        e.to(),
        e.sequence(),
        d instanceof Decision decided ? decided : decision,
        d instanceof Booked b ? b.booking() : booking,
        d instanceof Manifested m ? m : manifest,
        createdBy,
        createdAt,
        e.action() == RequestAction.SUBMIT ? e.at() : submittedAt,
        d instanceof Decision ? e.at() : decidedAt,
        e.at());
  }

  public int destinationStateCode() {
    return proposal.destinationStateCode();
  }

  /** Who the destination accepted; empty before a decision and after a rejection. */
  public List<PersonId> acceptedPersons() {
    return decision == null ? List.of() : decision.acceptedPersons();
  }

  /** The destination's no-objection certificate number; null until accepted. */
  public String nocNumber() {
    return decision == null ? null : decision.nocNumber();
  }
}
