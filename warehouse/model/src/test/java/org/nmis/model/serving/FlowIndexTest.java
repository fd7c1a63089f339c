package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.nmis.model.serving.FlowIndex.Flow;
import org.nmis.model.serving.FlowIndex.Level;
import org.nmis.model.serving.FlowIndex.Query;
import org.nmis.model.serving.FlowIndex.Total;

class FlowIndexTest {
  private static final LocalDate MAY_20 = LocalDate.of(2020, 5, 20);
  private static final LocalDate MAY_21 = LocalDate.of(2020, 5, 21);

  private final FlowIndex index = new FlowIndex();

  FlowIndexTest() {
    index.upsert(new Flow(MAY_20, "TRAIN", 27, 490, 9, 148, 10, 25));
    index.upsert(new Flow(MAY_21, "TRAIN", 27, 491, 9, 148, 5, 7));
    index.upsert(new Flow(MAY_21, "BUS", 27, 490, 10, 212, 3, 3));
  }

  @Test
  void sumsDistrictsAtStateLevel() {
    assertEquals(
        List.of(new Total(27, 0, 9, 0, 15, 32), new Total(27, 0, 10, 0, 3, 3)),
        index.query(new Query(Level.STATE, null, null, null, null, null)));
  }

  @Test
  void filtersByDateStateAndMode() {
    assertEquals(
        List.of(new Total(27, 491, 9, 148, 5, 7)),
        index.query(new Query(Level.DISTRICT, MAY_21, MAY_21, 27, 9, "TRAIN")));
  }

  @Test
  void anUpsertReplacesAndARemoveDrops() {
    index.upsert(new Flow(MAY_20, "TRAIN", 27, 490, 9, 148, 11, 26));
    index.remove(new Flow(MAY_21, "TRAIN", 27, 491, 9, 148, 0, 0));
    assertEquals(
        List.of(new Total(27, 0, 9, 0, 11, 26), new Total(27, 0, 10, 0, 3, 3)),
        index.query(new Query(Level.STATE, null, null, null, null, null)));
  }

  @Test
  void sumsEachTravelDateInDateOrderOverTheVisibleFlows() {
    Query all = new Query(Level.STATE, null, null, null, null, null);
    assertEquals(
        List.of(new FlowIndex.Day(MAY_20, 10, 25), new FlowIndex.Day(MAY_21, 8, 10)),
        index.daily(all, FlowIndex.Visibility.all()));
    assertEquals(
        List.of(new FlowIndex.Day(MAY_21, 3, 3)),
        index.daily(all, new FlowIndex.Visibility(f -> f.destinationStateCode() == 10, true)));
  }

  /**
   * The pre-summed rows (state pairs, all dates) answer as a scan of every flow would, through
   * upserts that change counts and removals, for both levels, with and without dates, under row
   * filters on a state and on a district column.
   */
  @Test
  void thePreSummedRowsAnswerAsTheScanOfEveryFlowDoes() {
    FlowIndex flows = new FlowIndex();
    Random random = new Random(5);
    List<Flow> added = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      if (!added.isEmpty() && random.nextInt(4) == 0) {
        flows.remove(added.remove(random.nextInt(added.size())));
        continue;
      }
      Flow f =
          new Flow(
              MAY_20.plusDays(random.nextInt(5)),
              random.nextBoolean() ? "TRAIN" : "BUS",
              1 + random.nextInt(4),
              100 + random.nextInt(6),
              1 + random.nextInt(4),
              200 + random.nextInt(6),
              1 + random.nextInt(9),
              1 + random.nextInt(30));
      flows.upsert(f); // a new key, or new counts for a key already there
      added.add(f);
    }
    Map<FlowIndex.Visibility, Predicate<Flow>> visibilities =
        Map.of(
            FlowIndex.Visibility.all(),
            f -> true,
            new FlowIndex.Visibility(f -> f.destinationStateCode() == 2, true),
            f -> f.destinationStateCode() == 2,
            new FlowIndex.Visibility(f -> f.originDistrictCode() == 101, false),
            f -> f.originDistrictCode() == 101);
    List<Query> queries = new ArrayList<>();
    for (Level level : Level.values()) {
      queries.add(new Query(level, null, null, null, null, null)); // all dates: pre-summed
      queries.add(new Query(level, null, null, 3, null, "BUS"));
      for (int day = 0; day < 5; day++) {
        queries.add(new Query(level, MAY_20, MAY_20.plusDays(day), null, null, null));
      }
    }
    for (Query q : queries) {
      for (var v : visibilities.entrySet()) {
        List<Flow> scanned = flows.rows(q, v.getValue()); // every flow, the oracle
        assertEquals(totals(q.level(), scanned), flows.query(q, v.getKey()), q.toString());
        Map<LocalDate, FlowIndex.Day> days = new TreeMap<>();
        for (Flow f : scanned) {
          days.merge(
              f.travelDate(),
              new FlowIndex.Day(f.travelDate(), f.registrations(), f.persons()),
              (a, b) ->
                  new FlowIndex.Day(
                      a.travelDate(),
                      a.registrations() + b.registrations(),
                      a.persons() + b.persons()));
        }
        assertEquals(List.copyOf(days.values()), flows.daily(q, v.getKey()), q.toString());
      }
    }
  }

  /** Totals per pair as the API defines them, by a plain map: the oracle for the index's sums. */
  private static List<Total> totals(Level level, List<Flow> rows) {
    boolean district = level == Level.DISTRICT;
    Map<List<Integer>, long[]> sums = new HashMap<>();
    for (Flow f : rows) {
      long[] sum =
          sums.computeIfAbsent(
              List.of(
                  f.originStateCode(),
                  district ? f.originDistrictCode() : 0,
                  f.destinationStateCode(),
                  district ? f.destinationDistrictCode() : 0),
              k -> new long[2]);
      sum[0] += f.registrations();
      sum[1] += f.persons();
    }
    List<Total> out = new ArrayList<>();
    sums.forEach((k, v) -> out.add(new Total(k.get(0), k.get(1), k.get(2), k.get(3), v[0], v[1])));
    out.sort(Total.LARGEST_FIRST);
    return out;
  }
}
