package org.nmis.movement.request;

/**
 * The outcome of an accepted command: the request's new state and the event to append to the
 * movement log.
 */
public record Transition(MovementRequest request, RequestEvent event) {}
