package org.nmis.model.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serving copy of {@code od_flows}: every flow key with its counts, kept equal to the table by
 * its change feed, and queried by dashboards at state or district level without a Spark job.
 * Thread-safe.
 */
public final class FlowIndex {
  /** A row of od_flows. */
  public record Flow(
      LocalDate travelDate,
      String mode,
      int originStateCode,
      int originDistrictCode,
      int destinationStateCode,
      int destinationDistrictCode,
      long registrations,
      long persons) {
    /** A jurisdiction column of od_flows by name, as the access policy's row filters read it. */
    public Object value(String column) {
      return switch (column) {
        case "origin_state_code" -> originStateCode;
        case "origin_district_code" -> originDistrictCode;
        case "destination_state_code" -> destinationStateCode;
        case "destination_district_code" -> destinationDistrictCode;
        default -> null;
      };
    }

    Key key() {
      return new Key(
          travelDate,
          mode,
          originStateCode,
          originDistrictCode,
          destinationStateCode,
          destinationDistrictCode);
    }
  }

  record Key(
      LocalDate travelDate,
      String mode,
      int originStateCode,
      int originDistrictCode,
      int destinationStateCode,
      int destinationDistrictCode) {}

  /** Which flows a dashboard asks for; null bounds and codes mean "any". */
  public record Query(
      Level level,
      LocalDate from,
      LocalDate to,
      Integer originState,
      Integer destinationState,
      String mode) {}

  public enum Level {
    STATE,
    DISTRICT
  }

  /**
   * One answer row: an origin-destination pair (districts 0 at state level) with its totals over
   * the dates.
   */
  public record Total(
      int originStateCode,
      int originDistrictCode,
      int destinationStateCode,
      int destinationDistrictCode,
      long registrations,
      long persons) {}

  /** One travel date's totals over the flows asked for. */
  public record Day(LocalDate travelDate, long registrations, long persons) {}

  private final Map<Key, Flow> flows = new ConcurrentHashMap<>();

  public void upsert(Flow f) {
    flows.put(f.key(), f);
  }

  public void remove(Flow f) {
    flows.remove(f.key());
  }

  public int size() {
    return flows.size();
  }

  /** Totals per pair over every flow, largest flows first. */
  public List<Total> query(Query q) {
    return query(q, f -> true);
  }

  /** The rows of the query's dates, states and mode that the caller may see, in no order. */
  public List<Flow> rows(Query q, java.util.function.Predicate<Flow> visible) {
    List<Flow> out = new ArrayList<>();
    for (Flow f : flows.values()) {
      if (visible.test(f)
          && (q.from() == null || !f.travelDate().isBefore(q.from()))
          && (q.to() == null || !f.travelDate().isAfter(q.to()))
          && (q.originState() == null || f.originStateCode() == q.originState())
          && (q.destinationState() == null || f.destinationStateCode() == q.destinationState())
          && (q.mode() == null || q.mode().equals(f.mode()))) {
        out.add(f);
      }
    }
    return out;
  }

  /** Totals per pair over the flows the caller may see, largest flows first. */
  public List<Total> query(Query q, java.util.function.Predicate<Flow> visible) {
    Map<List<Integer>, long[]> sums = new HashMap<>();
    for (Flow f : rows(q, visible)) {
      boolean district = q.level() == Level.DISTRICT;
      long[] s =
          sums.computeIfAbsent(
              List.of(
                  f.originStateCode(),
                  district ? f.originDistrictCode() : 0,
                  f.destinationStateCode(),
                  district ? f.destinationDistrictCode() : 0),
              k -> new long[2]);
      s[0] += f.registrations();
      s[1] += f.persons();
    }
    List<Total> out = new ArrayList<>(sums.size());
    sums.forEach((k, s) -> out.add(new Total(k.get(0), k.get(1), k.get(2), k.get(3), s[0], s[1])));
    out.sort(
        Comparator.comparingLong(Total::persons)
            .reversed()
            .thenComparingInt(Total::originStateCode)
            .thenComparingInt(Total::originDistrictCode)
            .thenComparingInt(Total::destinationStateCode)
            .thenComparingInt(Total::destinationDistrictCode));
    return out;
  }

  /** Totals per travel date over the flows the caller may see, earliest date first. */
  public List<Day> daily(Query q, java.util.function.Predicate<Flow> visible) {
    Map<LocalDate, long[]> sums = new java.util.TreeMap<>();
    for (Flow f : rows(q, visible)) {
      long[] s = sums.computeIfAbsent(f.travelDate(), d -> new long[2]);
      s[0] += f.registrations();
      s[1] += f.persons();
    }
    List<Day> out = new ArrayList<>(sums.size());
    sums.forEach((d, s) -> out.add(new Day(d, s[0], s[1])));
    return out;
  }
}
