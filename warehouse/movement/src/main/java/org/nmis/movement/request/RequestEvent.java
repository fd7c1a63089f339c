package org.nmis.movement.request;

import java.time.Instant;
import org.nmis.model.ids.RequestId;

/**
 * One transition of a request, as it goes to the movement log: who ({@link
 * org.nmis.model.access.AccessScope#label()}), when, why, from which state to which, and the
 * action's details. {@code sequence} numbers a request's events from 1 without gaps; after an event
 * the request's version equals its sequence. The request's state is the fold of its events ({@link
 * MovementRequest#replay}).
 */
public record RequestEvent(
    RequestId requestId,
    long sequence,
    RequestStatus from,
    RequestStatus to,
    RequestAction action,
    String actor,
    Instant at,
    String reason,
    EventDetails details) {

  public RequestEvent {
    if (requestId == null || action == null || to == null || actor == null || at == null) {
      throw new IllegalArgumentException(
          "an event needs its request ID, action, target state, actor and time");
    }
    if (sequence < 1
        || (from == null) != (action == RequestAction.CREATE)
        || to != action.target()) {
      throw new IllegalArgumentException(
          "event "
              + requestId
              + "/"
              + sequence
              + " ("
              + action
              + " "
              + from
              + " -> "
              + to
              + ") is not a transition of the state machine");
    }
    Class<? extends EventDetails> expected = action.detailsType();
    if (expected == null ? details != null : !expected.isInstance(details)) {
      throw new IllegalArgumentException(
          "event "
              + requestId
              + "/"
              + sequence
              + " of action "
              + action
              + " must carry "
              + (expected == null ? "no details" : expected.getSimpleName())
              + ", not "
              + details);
    }
  }

  /** Unique over all requests: {@code MR-XXXXX-XXXXX/3}. */
  public String eventId() {
    return requestId.value() + "/" + sequence;
  }
}
