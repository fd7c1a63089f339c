package org.nmis.movement.request;

/**
 * What an event adds to a request besides its new state; {@link RequestAction#detailsType()} says
 * which.
 */
public sealed interface EventDetails permits Created, Proposal, Decision, Booked, Manifested {}
