package org.nmis.bench;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.serving.FlowIndex;
import org.nmis.model.serving.FlowIndex.Level;
import org.nmis.model.serving.FlowIndex.Query;

/**
 * The flows index alone at the size of the 10M run ({@code ./nmis bench-flows [KEYS]}, default
 * 5,767,774 flow keys): random flows over the LGD districts, 61 travel dates and two modes; then
 * the four questions the scale benchmark asks (`GET /flows` at state level, district level for an
 * origin state, state level over a month, district level for a destination state), in process and
 * one at a time, as a ministry user and as a state user (a filter on the state columns) and as a
 * district user (a filter on a district column, which the state-pair sums cannot answer). Median
 * and maximum of 15 runs each, and the live heap of the index with its pre-summed rows.
 */
public final class FlowsBenchmark {
  private FlowsBenchmark() {}

  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 5_767_774;
    List<District> districts = ReferenceData.get().districts();
    LocalDate first = LocalDate.of(2020, 5, 1);
    Random random = new Random(18);
    long heap0 = WarehouseBenchmark.liveHeap();
    FlowIndex index = new FlowIndex();
    for (int i = 0; index.size() < keys; i++) {
      District from = districts.get(random.nextInt(districts.size()));
      District to = districts.get(random.nextInt(districts.size()));
      int persons = 1 + random.nextInt(6);
      index.upsert(
          new FlowIndex.Flow(
              first.plusDays(random.nextInt(61)),
              random.nextInt(4) == 0 ? "BUS" : "TRAIN",
              from.stateCode(),
              from.code(),
              to.stateCode(),
              to.code(),
              persons,
              persons + random.nextInt(3)));
    }
    long heap = WarehouseBenchmark.liveHeap();
    System.out.printf(
        Locale.ROOT,
        "%,d flow keys; live heap %,d MB (%,d bytes a key, pre-summed rows included)%n",
        index.size(),
        (heap - heap0) / 1_000_000,
        (heap - heap0) / index.size());
    Query[] questions = {
      new Query(Level.STATE, null, null, null, null, null),
      new Query(Level.DISTRICT, null, null, 27, null, null),
      new Query(Level.STATE, first, first.plusDays(30), null, null, null),
      new Query(Level.DISTRICT, null, null, null, 9, null)
    };
    String[] names = {
      "level=state",
      "level=district&origin_state=27",
      "level=state&from=2020-05-01&to=2020-05-31",
      "level=district&destination_state=9"
    };
    FlowIndex.Visibility[] callers = {
      FlowIndex.Visibility.all(),
      new FlowIndex.Visibility(
          f -> f.originStateCode() == 27 || f.destinationStateCode() == 27, true),
      new FlowIndex.Visibility(
          f -> f.originDistrictCode() == 490 || f.destinationDistrictCode() == 490, false)
    };
    String[] callerNames = {"ministry", "state user (27)", "district user (490)"};
    for (int q = 0; q < questions.length; q++) {
      for (int c = 0; c < callers.length; c++) {
        double[] ms = new double[15];
        for (int run = 0; run < ms.length; run++) {
          long t0 = System.nanoTime();
          index.query(questions[q], callers[c]);
          ms[run] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | median %.1f ms, max %.1f ms |%n",
            names[q],
            callerNames[c],
            ms[ms.length / 2],
            ms[ms.length - 1]);
      }
    }
  }
}
