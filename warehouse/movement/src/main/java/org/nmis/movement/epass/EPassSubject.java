package org.nmis.movement.epass;

import java.time.LocalDate;
import org.nmis.model.ids.RequestId;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.booking.TrainBooking;

/** Whom a pass is for and where they sit: one line of a manifest on a booked train. */
public record EPassSubject(
    String travellerId,
    RequestId requestId,
    String trainNumber,
    LocalDate date,
    String coach,
    int berth) {

  public static EPassSubject of(RequestId requestId, TrainBooking booking, ManifestLine line) {
    return new EPassSubject(
        line.traveller().id(),
        requestId,
        booking.trainNumber(),
        booking.date(),
        line.coach(),
        line.berth());
  }
}
