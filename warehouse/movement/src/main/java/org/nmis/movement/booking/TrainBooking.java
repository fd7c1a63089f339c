package org.nmis.movement.booking;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

/**
 * A train the railways booked for a request: number, date, stations, the rake (the Shramik rake
 * when null) and whether middle berths are sold. Checks its own shape; {@link BookingRules} checks
 * it against the request and the reference data.
 */
public record TrainBooking(
    String trainNumber,
    LocalDate date,
    String originStationCode,
    String destinationStationCode,
    Rake rake,
    MiddleBerthPolicy middleBerths) {
  private static final Pattern TRAIN_NUMBER = Pattern.compile("[0-9]{5}");

  public TrainBooking {
    trainNumber = trainNumber == null ? null : trainNumber.strip();
    if (trainNumber == null || !TRAIN_NUMBER.matcher(trainNumber).matches()) {
      throw new MovementException(
          MovementError.INVALID_TRAIN_NUMBER,
          "train number '"
              + trainNumber
              + "' is not a train number; Indian Railways numbers trains with 5 digits, for example 01901");
    }
    require(date, "date");
    originStationCode =
        require(originStationCode, "originStationCode").strip().toUpperCase(Locale.ROOT);
    destinationStationCode =
        require(destinationStationCode, "destinationStationCode").strip().toUpperCase(Locale.ROOT);
    rake = rake == null ? Rake.shramik() : rake;
    require(middleBerths, "middleBerths (OCCUPIED or LEFT_EMPTY)");
  }

  /** The Shramik default: 24 SL coaches of 72 berths. */
  public static TrainBooking shramik(
      String trainNumber,
      LocalDate date,
      String originStationCode,
      String destinationStationCode,
      MiddleBerthPolicy middleBerths) {
    return new TrainBooking(
        trainNumber, date, originStationCode, destinationStationCode, Rake.shramik(), middleBerths);
  }

  public int capacity() {
    return rake.capacity(middleBerths);
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new MovementException(
          MovementError.MISSING_VALUE, "a train booking needs " + field + "; send it");
    }
    return value;
  }
}
