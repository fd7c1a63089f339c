package org.nmis.tracing.exposure;

import java.time.LocalDate;
import org.nmis.model.registration.TravelMode;
import org.nmis.tracing.journeys.Seat;

/**
 * One traveller of a contact's party exposed on one journey: the journey (date, mode, train number
 * or vehicle reference), the traveller ({@code <personId>} or a companion's {@code <personId>+n},
 * companion number 0 for the registrant), the level and their seat (null when matched by vehicle
 * reference, where seating is unknown).
 */
public record Exposure(
    LocalDate date,
    TravelMode mode,
    String vehicle,
    String travellerId,
    int companion,
    ExposureLevel level,
    Seat seat) {}
