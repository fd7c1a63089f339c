package org.nmis.model.reference;

/**
 * Census 2011 inter-state migrants (by place of last residence) between two states, in LGD state
 * codes.
 */
public record StateFlow(int originStateCode, int destinationStateCode, long migrants) {}
