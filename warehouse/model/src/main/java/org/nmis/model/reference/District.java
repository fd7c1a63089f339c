package org.nmis.model.reference;

/**
 * A district of the LGD list of 12 May 2020, with its headquarters' coordinates (WGS84). {@code
 * census2011Code} is 0 for the districts created after the 2011 Census.
 */
public record District(
    int code, int stateCode, String name, int census2011Code, double latitude, double longitude) {}
