package org.nmis.forecast;

/** A destination district where people arrive and are quarantined, with its state. */
public record Destination(int stateCode, int districtCode) {}
