package org.nmis.movement.request;

import org.nmis.movement.booking.TrainBooking;

/** The details of a BOOK_TRAIN event. */
public record Booked(TrainBooking booking) implements EventDetails {}
