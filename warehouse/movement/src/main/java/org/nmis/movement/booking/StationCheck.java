package org.nmis.movement.booking;

import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.Station;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;

/** A station code must name a station of the reference data, in the state the request says. */
public final class StationCheck {
  private final ReferenceData reference;

  public StationCheck(ReferenceData reference) {
    this.reference = reference;
  }

  /**
   * Throws {@link MovementError#UNKNOWN_STATION} or {@link MovementError#STATION_IN_WRONG_STATE}
   * (400).
   *
   * @param end which end of the journey the station serves, for the message: "origin" or
   *     "destination"
   */
  public Station require(String code, int stateCode, String end) {
    Station station =
        reference
            .station(code)
            .orElseThrow(
                () ->
                    new MovementException(
                        MovementError.UNKNOWN_STATION,
                        end
                            + " station '"
                            + code
                            + "' is not an Indian Railways station code of"
                            + " the reference data; use the station's code, for example PUNE or GKP"));
    if (station.stateCode() != stateCode) {
      throw new MovementException(
          MovementError.STATION_IN_WRONG_STATE,
          end
              + " station "
              + code
              + " ("
              + station.name()
              + ") is in "
              + stateName(station.stateCode())
              + ", not in the request's "
              + end
              + " state "
              + stateName(stateCode)
              + "; choose a station in "
              + stateName(stateCode));
    }
    return station;
  }

  public String stateName(int code) {
    return reference.state(code).map(s -> s.name() + " (" + code + ")").orElse("state " + code);
  }
}
