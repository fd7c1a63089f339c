package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
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
        index.daily(all, f -> true));
    assertEquals(
        List.of(new FlowIndex.Day(MAY_21, 3, 3)),
        index.daily(all, f -> f.destinationStateCode() == 10));
  }
}
