package org.nmis.tracing.journeys;

import org.nmis.model.ids.RequestId;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.request.MovementRequest;

/**
 * A request's current manifest on its booked train, with the request's route: what the service
 * feeds the index each time a manifest is generated. {@code originDistrictCode} is null for a
 * request of a whole state.
 */
public record ManifestedTrain(
    RequestId requestId,
    TrainBooking booking,
    Manifest manifest,
    int originStateCode,
    Integer originDistrictCode,
    int destinationStateCode) {

  public ManifestedTrain {
    if (requestId == null || booking == null || manifest == null) {
      throw new IllegalArgumentException(
          "NMIS-TRC-101: a manifested train needs its request ID ("
              + requestId
              + "), booking ("
              + booking
              + ") and manifest; feed the index only requests that have all three");
    }
  }

  /** The request's manifest on its booking. */
  public static ManifestedTrain of(MovementRequest request, Manifest manifest) {
    if (request.booking() == null) {
      throw new IllegalArgumentException(
          "NMIS-TRC-101: request "
              + request.id()
              + " is "
              + request.status()
              + " and has no train booked, so its manifest cannot be traced; feed manifests of booked requests only");
    }
    return new ManifestedTrain(
        request.id(),
        request.booking(),
        manifest,
        request.originStateCode(),
        request.originDistrictCode(),
        request.destinationStateCode());
  }
}
