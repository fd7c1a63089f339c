package org.nmis.model.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {
  private static final ReferenceData REF = ReferenceData.get();

  @Test
  void loadsOncePerJvm() {
    assertSame(REF, ReferenceData.get());
  }

  @Test
  void thirtySixStatesAndUnionTerritories() {
    assertEquals(36, REF.states().size());
    assertEquals(36, REF.states().stream().map(State::code).distinct().count());
    assertEquals(28, REF.states().stream().filter(s -> !s.unionTerritory()).count());
    assertEquals(8, REF.states().stream().filter(State::unionTerritory).count());
    assertEquals("Maharashtra", REF.state(27).orElseThrow().name());
    assertEquals("Delhi", REF.state(7).orElseThrow().name());
    assertEquals(Optional.empty(), REF.state(99));
    assertEquals(Optional.empty(), REF.state(0));
  }

  @Test
  void sevenHundredThirtyFourDistrictsEachInAKnownState() {
    assertEquals(734, REF.districts().size());
    assertEquals(734, REF.districts().stream().map(District::code).distinct().count());
    for (District d : REF.districts()) {
      assertTrue(REF.state(d.stateCode()).isPresent(), d + " is in an unknown state");
      assertTrue(d.latitude() > 6 && d.latitude() < 37.5, d + " lies outside India");
      assertTrue(d.longitude() > 68 && d.longitude() < 97.5, d + " lies outside India");
    }
    int sum = REF.states().stream().mapToInt(s -> REF.districtsOf(s.code()).size()).sum();
    assertEquals(734, sum);
    assertEquals(Optional.empty(), REF.district(99999));
  }

  @Test
  void everyStateHasDistricts() {
    for (State s : REF.states()) {
      assertTrue(!REF.districtsOf(s.code()).isEmpty(), s + " has no districts");
    }
  }

  @Test
  void districtsOfMaharashtraContainPuneSortedByName() {
    List<District> mh = REF.districtsOf(27);
    District pune = REF.district(490).orElseThrow();
    assertEquals("Pune", pune.name());
    assertEquals(27, pune.stateCode());
    assertTrue(mh.contains(pune));
    assertEquals(36, mh.size());
    assertEquals(mh.stream().sorted(Comparator.comparing(District::name)).toList(), mh);
    assertTrue(mh.stream().allMatch(d -> d.stateCode() == 27));
    assertEquals(List.of(), REF.districtsOf(99));
  }

  @Test
  void fixtureDistrictsAreWhereTheFixturesSay() {
    assertEquals("Gorakhpur", REF.district(148).orElseThrow().name());
    assertEquals(9, REF.district(148).orElseThrow().stateCode());
    assertEquals("Patna", REF.district(212).orElseThrow().name());
    assertEquals(10, REF.district(212).orElseThrow().stateCode());
    assertEquals("Mumbai", REF.district(482).orElseThrow().name());
  }

  @Test
  void censusFlowsTotalAboutFiftyFourMillionAndNeverStayInAState() {
    long total = 0;
    Set<String> pairs = new HashSet<>();
    for (StateFlow f : REF.census2011StateFlows()) {
      assertNotEquals(
          f.originStateCode(), f.destinationStateCode(), f + " is not between two states");
      assertTrue(REF.state(f.originStateCode()).isPresent(), f.toString());
      assertTrue(REF.state(f.destinationStateCode()).isPresent(), f.toString());
      assertTrue(f.migrants() >= 0, f.toString());
      assertTrue(
          pairs.add(f.originStateCode() + ">" + f.destinationStateCode()), "duplicate flow " + f);
      total += f.migrants();
    }
    assertTrue(total > 50_000_000L && total < 56_000_000L, "total " + total);
  }

  @Test
  void stations() {
    assertTrue(REF.stationCount() > 8_000, "only " + REF.stationCount() + " stations");
    Station ndls = REF.station("NDLS").orElseThrow();
    assertEquals(7, ndls.stateCode());
    assertEquals(7, REF.district(ndls.nearestDistrictCode()).orElseThrow().stateCode());
    assertEquals(Optional.empty(), REF.station("NOPE-NOT-A-STATION"));
  }
}
