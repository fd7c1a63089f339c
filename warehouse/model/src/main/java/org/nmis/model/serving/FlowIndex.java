package org.nmis.model.serving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
      long persons) {
    /** The order of an answer: most persons first, then by the codes. */
    public static final Comparator<Total> LARGEST_FIRST =
        Comparator.comparingLong(Total::persons)
            .reversed()
            .thenComparingInt(Total::originStateCode)
            .thenComparingInt(Total::originDistrictCode)
            .thenComparingInt(Total::destinationStateCode)
            .thenComparingInt(Total::destinationDistrictCode);
  }

  /** One travel date's totals over the flows asked for. */
  public record Day(LocalDate travelDate, long registrations, long persons) {}

  /**
   * Which flows a caller may see: a test of each row, and whether that test reads only the state
   * columns (national roles read none, state users the two state codes). Such a caller's
   * state-level answers come from the pre-summed state pairs, not from a scan of every district
   * pair.
   */
  public record Visibility(Predicate<Flow> rows, boolean statesOnly) {
    public Visibility {
      Objects.requireNonNull(rows, "rows");
    }

    public static Visibility all() {
      return new Visibility(f -> true, true);
    }
  }

  private final Map<Key, Flow> flows = new ConcurrentHashMap<>();

  /**
   * The flows summed over districts: one row per date, mode and state pair (at most 36 x 36 pairs a
   * date and mode, against millions of district pairs), kept with every change.
   */
  private final Map<Key, Flow> statePairs = new ConcurrentHashMap<>();

  /**
   * The flows summed over dates: one row per mode and district pair, travel date null (a dashboard
   * asks for all dates most often, and a row filter never reads the date).
   */
  private final Map<Key, Flow> allDates = new ConcurrentHashMap<>();

  public synchronized void upsert(Flow f) {
    add(flows.put(f.key(), f), -1);
    add(f, 1);
  }

  public synchronized void remove(Flow f) {
    add(flows.remove(f.key()), -1);
  }

  private void add(Flow f, int sign) {
    if (f == null) {
      return;
    }
    add(
        statePairs,
        new Key(f.travelDate(), f.mode(), f.originStateCode(), 0, f.destinationStateCode(), 0),
        f,
        sign);
    add(
        allDates,
        new Key(
            null,
            f.mode(),
            f.originStateCode(),
            f.originDistrictCode(),
            f.destinationStateCode(),
            f.destinationDistrictCode()),
        f,
        sign);
  }

  private static void add(Map<Key, Flow> sums, Key key, Flow f, int sign) {
    sums.compute(
        key,
        (k, sum) -> {
          long registrations = (sum == null ? 0 : sum.registrations()) + sign * f.registrations();
          long persons = (sum == null ? 0 : sum.persons()) + sign * f.persons();
          return registrations == 0 && persons == 0
              ? null
              : new Flow(
                  k.travelDate(),
                  k.mode(),
                  k.originStateCode(),
                  k.originDistrictCode(),
                  k.destinationStateCode(),
                  k.destinationDistrictCode(),
                  registrations,
                  persons);
        });
  }

  public int size() {
    return flows.size();
  }

  /** Totals per pair over every flow, largest flows first. */
  public List<Total> query(Query q) {
    return query(q, Visibility.all());
  }

  /** The rows of the query's dates, states and mode that the caller may see, in no order. */
  public List<Flow> rows(Query q, Predicate<Flow> visible) {
    List<Flow> out = new ArrayList<>();
    forEachRow(q, visible, out::add);
    return out;
  }

  private void forEachRow(Query q, Predicate<Flow> visible, Consumer<Flow> action) {
    forEachRow(flows, q, visible, action);
  }

  /**
   * The smallest rows that answer exactly: the state-pair sums for a state-level question of a
   * caller whose filter reads only state columns, else (unless {@code dated}) the sums over all
   * dates when no dates are asked, else every flow.
   */
  private void forEachRow(Query q, Visibility v, boolean dated, Consumer<Flow> action) {
    Map<Key, Flow> rows =
        v.statesOnly() && q.level() == Level.STATE
            ? statePairs
            : !dated && q.from() == null && q.to() == null ? allDates : flows;
    forEachRow(rows, q, v.rows(), action);
  }

  private static void forEachRow(
      Map<Key, Flow> rows, Query q, Predicate<Flow> visible, Consumer<Flow> action) {
    for (Flow f : rows.values()) {
      if ((q.from() == null || !f.travelDate().isBefore(q.from()))
          && (q.to() == null || !f.travelDate().isAfter(q.to()))
          && (q.originState() == null || f.originStateCode() == q.originState())
          && (q.destinationState() == null || f.destinationStateCode() == q.destinationState())
          && (q.mode() == null || q.mode().equals(f.mode()))
          && visible.test(f)) {
        action.accept(f);
      }
    }
  }

  /**
   * Totals per pair over the flows the caller may see, largest flows first. One pass, over the
   * pre-summed rows when they answer exactly (state pairs, or all dates) and over every flow key
   * otherwise (millions at 10M persons: seconds, docs/BENCHMARKS.md), summing under the pair packed
   * into a long (16 bits a code).
   */
  public List<Total> query(Query q, Visibility visible) {
    boolean district = q.level() == Level.DISTRICT;
    SumTable sums = new SumTable();
    forEachRow(
        q,
        visible,
        false,
        f ->
            sums.add(
                pack(
                    f.originStateCode(),
                    district ? f.originDistrictCode() : 0,
                    f.destinationStateCode(),
                    district ? f.destinationDistrictCode() : 0),
                f.registrations(),
                f.persons()));
    List<Total> out = new ArrayList<>(sums.size());
    sums.forEach(
        s -> {
          long k = s.key();
          out.add(
              new Total(
                  (int) (k >>> 48) - 1,
                  (int) (k >>> 32) & 0xFFFF,
                  (int) (k >>> 16) & 0xFFFF,
                  (int) k & 0xFFFF,
                  s.first(),
                  s.second()));
        });
    out.sort(Total.LARGEST_FIRST);
    return out;
  }

  /** Four LGD codes (each below 65,535) as one non-zero long, the origin state plus one on top. */
  private static long pack(int originState, int originDistrict, int destState, int destDistrict) {
    for (int code : new int[] {originState, originDistrict, destState, destDistrict}) {
      if (code < 0 || code >= 0xFFFF) {
        throw new IllegalStateException(
            "od_flows holds the code "
                + code
                + ", outside the LGD range 0-65534 the flow totals pack into 16 bits; check the"
                + " reference data the flows were built with");
      }
    }
    return ((long) (originState + 1) << 48)
        | ((long) originDistrict << 32)
        | ((long) destState << 16)
        | destDistrict;
  }

  /** Totals per travel date over the flows the caller may see, earliest date first. */
  public List<Day> daily(Query q, Visibility visible) {
    Map<LocalDate, long[]> sums = new TreeMap<>();
    forEachRow(
        q,
        visible,
        true,
        f -> {
          long[] s = sums.computeIfAbsent(f.travelDate(), d -> new long[2]);
          s[0] += f.registrations();
          s[1] += f.persons();
        });
    List<Day> out = new ArrayList<>(sums.size());
    sums.forEach((d, s) -> out.add(new Day(d, s[0], s[1])));
    return out;
  }
}
