package org.nmis.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The coach-level manifest of one booked train: a cover page with the journey and the totals by
 * destination district, then one section per coach, berth by berth.
 *
 * @param coachCount coaches in the rake, empty ones included
 * @param berths every occupied berth, coach by coach in running order, berth order within a coach
 */
public record ManifestReport(
    String requestId,
    String trainNumber,
    LocalDate date,
    String originStation,
    String destinationStation,
    String originState,
    String destinationState,
    String nocNumber,
    int coachCount,
    List<Count> byDestinationDistrict,
    List<Berth> berths,
    Instant generatedAt,
    String generatedBy) {

  public ManifestReport {
    Checks.text(requestId, "the request ID");
    Checks.text(trainNumber, "the train number");
    Checks.text(originStation, "the origin station");
    Checks.text(destinationStation, "the destination station");
    Checks.text(generatedBy, "who generated it");
    if (date == null || generatedAt == null) {
      throw new IllegalArgumentException(
          "a manifest needs the train's date and the time it was made");
    }
    if (berths.isEmpty()) {
      // Never a half-empty document: a manifest without passengers is an error the caller reports.
      throw new IllegalArgumentException(
          "manifest of " + requestId + " has no passengers to print");
    }
    byDestinationDistrict = List.copyOf(byDestinationDistrict);
    berths = List.copyOf(berths);
  }

  public int passengers() {
    return berths.size();
  }

  /**
   * One occupied berth. {@code name} is as registered (any script); {@code age} and {@code gender}
   * are null for an unnamed companion; {@code passCode} is what the berth's QR code carries (the
   * e-pass ID), null when no pass was issued.
   */
  public record Berth(
      String coach,
      int berth,
      String berthType,
      String name,
      Integer age,
      String gender,
      String destinationDistrict,
      String personId,
      String passCode) {
    public Berth {
      Checks.text(coach, "a coach");
      Checks.text(personId, "a person ID on coach " + coach + " berth " + berth);
      name = name == null ? "" : name;
      berthType = berthType == null ? "" : berthType;
      destinationDistrict = destinationDistrict == null ? "" : destinationDistrict;
    }
  }
}
