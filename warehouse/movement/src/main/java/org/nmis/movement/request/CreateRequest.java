package org.nmis.movement.request;

import org.nmis.model.access.AccessScope;

/**
 * Start a request as a draft. The origin is the user's own jurisdiction: a STATE user's state (a
 * request of the whole state), or a DISTRICT user's district.
 */
public record CreateRequest(AccessScope actor, Proposal proposal, String reason) {}
