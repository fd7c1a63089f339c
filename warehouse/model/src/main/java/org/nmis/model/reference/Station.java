package org.nmis.model.reference;

/** A railway station with its state (point in polygon) and the nearest district headquarters. */
public record Station(
    String code,
    String name,
    String zone,
    int stateCode,
    int nearestDistrictCode,
    double latitude,
    double longitude) {}
