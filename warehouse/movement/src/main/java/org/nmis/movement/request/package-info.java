/**
 * Movement requests: the state machine ({@link org.nmis.movement.request.RequestAction}), the pure
 * {@link org.nmis.movement.request.RequestWorkflow} that turns commands into events, the fold of
 * events into a {@link org.nmis.movement.request.MovementRequest}, the events' wire form and the
 * escalation list.
 */
package org.nmis.movement.request;
