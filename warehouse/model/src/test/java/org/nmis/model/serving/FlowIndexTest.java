package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
   * The pre-summed state pairs answer as a scan of every district pair would, through upserts that
   * change counts, removals and a row filter on a state column, for every date window.
   */
  @Test
  void theStatePairSumsAnswerAsTheScanOfEveryFlowDoes() {
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
    Predicate<Flow> toStateTwo = f -> f.destinationStateCode() == 2;
    for (int day = 0; day < 5; day++) {
      Query q = new Query(Level.STATE, MAY_20, MAY_20.plusDays(day), null, null, null);
      for (Predicate<Flow> rows : List.<Predicate<Flow>>of(f -> true, toStateTwo)) {
        assertEquals(
            flows.query(q, new FlowIndex.Visibility(rows, false)),
            flows.query(q, new FlowIndex.Visibility(rows, true)));
        assertEquals(
            flows.daily(q, new FlowIndex.Visibility(rows, false)),
            flows.daily(q, new FlowIndex.Visibility(rows, true)));
      }
    }
  }
}
