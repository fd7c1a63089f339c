package org.nmis.movement.request;

/**
 * The details of a CREATE event: the origin, fixed for the request's life, and the first proposal.
 */
public record Created(int originStateCode, Integer originDistrictCode, Proposal proposal)
    implements EventDetails {}
