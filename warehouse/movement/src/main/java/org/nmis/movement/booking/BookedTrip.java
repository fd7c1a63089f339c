package org.nmis.movement.booking;

import java.time.LocalDate;
import org.nmis.model.ids.RequestId;

/** A train a person is already booked on, under some request. */
public record BookedTrip(RequestId requestId, String trainNumber, LocalDate date) {}
