package org.nmis.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The quarantine side of the capacity plan: for each destination district, people expected in
 * quarantine on each coming day against the places its state declared, the overloaded districts
 * first.
 *
 * <p>A district's places are the most that its state's declarations held at once: a declaration
 * made for travellers of day d stands for the quarantine period from d, and the plan takes the
 * largest sum of standing declarations over all days. The reason: destination states declared
 * places per request ("we have 1,200 places ready for these people"), so adding every request's
 * places would count the same centre again for each train, while the peak of what stood at one time
 * is what the district has shown it can hold.
 */
public final class QuarantinePlan {
  private QuarantinePlan() {}

  /**
   * The plan: {@code arrivals} holds the travellers per destination district and day up to the
   * as-of date; {@code forecasts} their forecast for the coming days.
   */
  public static List<QuarantineRow> plan(
      Map<Destination, DailyCounts> arrivals,
      Map<Destination, List<DayForecast>> forecasts,
      List<DeclaredPlaces> declared,
      LocalDate asOf,
      int quarantineDays) {
    if (quarantineDays < 1) {
      throw new IllegalArgumentException(
          "NMIS-FCT-111: the quarantine period is at least one day; got " + quarantineDays);
    }
    Map<Destination, Double> places = standingPeak(declared, quarantineDays);
    List<QuarantineRow> rows = new ArrayList<>();
    for (Map.Entry<Destination, List<DayForecast>> e : forecasts.entrySet()) {
      Destination d = e.getKey();
      DailyCounts past = arrivals.get(d);
      List<DayForecast> coming = e.getValue();
      for (DayForecast day : coming) {
        double expected = 0;
        double high = 0;
        for (int back = 0; back < quarantineDays; back++) {
          LocalDate arrived = day.date().minusDays(back);
          if (arrived.isAfter(asOf)) {
            DayForecast f = coming.get((int) ChronoUnit.DAYS.between(asOf, arrived) - 1);
            expected += f.expected();
            high += f.high80();
          } else if (past != null) {
            expected += past.at(arrived);
            high += past.at(arrived);
          }
        }
        rows.add(
            new QuarantineRow(
                d,
                day.date(),
                day.horizon(),
                day.expected(),
                day.high80(),
                expected,
                high,
                places.getOrDefault(d, 0.0)));
      }
    }
    return overloadedFirst(rows);
  }

  /**
   * The largest total of declarations standing on one day, per district; a declaration for day d
   * stands from d for {@code quarantineDays} days.
   */
  static Map<Destination, Double> standingPeak(List<DeclaredPlaces> declared, int quarantineDays) {
    Map<Destination, TreeMap<LocalDate, Double>> changes = new HashMap<>();
    for (DeclaredPlaces p : declared) {
      TreeMap<LocalDate, Double> c = changes.computeIfAbsent(p.destination(), k -> new TreeMap<>());
      c.merge(p.travelDate(), p.places(), Double::sum);
      c.merge(p.travelDate().plusDays(quarantineDays), -p.places(), Double::sum);
    }
    Map<Destination, Double> peak = new HashMap<>();
    changes.forEach(
        (d, c) -> {
          double standing = 0;
          double max = 0;
          for (double change : c.values()) {
            standing += change;
            max = Math.max(max, standing);
          }
          peak.put(d, max);
        });
    return peak;
  }

  /**
   * Districts by their largest shortfall, biggest first (where no places were declared, everyone
   * expected falls short), then by their busiest day; within a district, its days in order.
   */
  private static List<QuarantineRow> overloadedFirst(List<QuarantineRow> rows) {
    Map<Destination, Double> worst = new HashMap<>();
    Map<Destination, Double> busiest = new HashMap<>();
    for (QuarantineRow r : rows) {
      worst.merge(r.destination(), r.shortfall(), Math::max);
      busiest.merge(r.destination(), r.expectedInQuarantine(), Math::max);
    }
    List<QuarantineRow> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparingDouble((QuarantineRow r) -> -worst.get(r.destination()))
            .thenComparingDouble(r -> -busiest.get(r.destination()))
            .thenComparingInt(r -> r.destination().districtCode())
            .thenComparing(QuarantineRow::date));
    return sorted;
  }
}
