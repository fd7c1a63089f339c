package org.nmis.movement.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.coaches;
import static org.nmis.movement.testing.MovementFixtures.passenger;
import static org.nmis.movement.testing.MovementFixtures.passengers;
import static org.nmis.movement.testing.MovementFixtures.person;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Gender;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.bench.ManifestBenchmark;
import org.nmis.movement.layout.BerthType;
import org.nmis.movement.layout.CoachLayouts;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

class ManifestAllocatorTest {
  private static final ManifestAllocator ALLOCATOR = new ManifestAllocator();
  private static final MiddleBerthPolicy FULL = MiddleBerthPolicy.OCCUPIED;
  private static final MiddleBerthPolicy DISTANCED = MiddleBerthPolicy.LEFT_EMPTY;

  // ---------------------------------------------------------------------------------------------------------------
  // groups and parties

  @Test
  void aGroupThatFitsABaySharesOneBayOnUpperBerthsFirst() {
    List<Passenger> in = new ArrayList<>(passengers(40));
    for (int n = 41; n <= 45; n++) {
      in.add(passenger(n).group("VILLAGE-7").build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, in, Manifest.empty());
    List<ManifestLine> group = linesOf(m, 41, 45);
    assertEquals(Set.of("S1"), group.stream().map(ManifestLine::coach).collect(Collectors.toSet()));
    assertEquals(
        Set.of(2, 3, 5, 6, 8), group.stream().map(ManifestLine::berth).collect(Collectors.toSet()));
    assertEquals(45, m.placed());
  }

  @Test
  void aGroupLargerThanABayTakesTheFewestConsecutiveBays() {
    List<Passenger> twelve = new ArrayList<>();
    for (int n = 1; n <= 12; n++) {
      twelve.add(passenger(n).group("G").build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(2), DISTANCED, twelve, Manifest.empty());
    assertEquals(
        Set.of(1, 3, 4, 6, 7, 8, 9, 11, 12, 14, 15, 16),
        m.lines().stream().map(ManifestLine::berth).collect(Collectors.toSet()));
    assertEquals(
        Set.of("S1"), m.lines().stream().map(ManifestLine::coach).collect(Collectors.toSet()));
  }

  @Test
  void aGroupGoesToAFreeBayRatherThanStraddleAPartlyFullOne() {
    Manifest first = ALLOCATOR.allocate(coaches(1), FULL, passengers(5), Manifest.empty());
    assertEquals(
        Set.of(1),
        first.lines().stream().map(ManifestAllocatorTest::bay).collect(Collectors.toSet()));
    List<Passenger> in = new ArrayList<>(passengers(5));
    for (int n = 6; n <= 9; n++) {
      in.add(passenger(n).group("FAMILY-3").build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, in, first);
    assertEquals(
        Set.of(2),
        linesOf(m, 6, 9).stream().map(ManifestAllocatorTest::bay).collect(Collectors.toSet()));
  }

  @Test
  void anErasedRegistrantKeepsTheSeatsAndLosesTheName() {
    Manifest m =
        ALLOCATOR.allocate(
            coaches(1),
            FULL,
            List.of(passenger(1).name("Ram Kumar").accompanying(1).build(), passenger(2).build()),
            Manifest.empty());
    Manifest erased = m.withNameErased(person(1), "(gone)");
    Function<Manifest, List<String>> seats =
        x -> x.lines().stream().map(l -> l.coach() + l.berth() + " " + l.traveller().id()).toList();
    assertEquals(seats.apply(m), seats.apply(erased));
    assertEquals("(gone)", line(erased, person(1).value()).traveller().name());
    assertEquals("(gone) +1", line(erased, person(1) + "+1").traveller().name());
    assertEquals(
        line(m, person(2).value()).traveller(), line(erased, person(2).value()).traveller());
  }

  @Test
  void companionsAreListedAfterTheRegistrantInTheSameBay() {
    Manifest m =
        ALLOCATOR.allocate(
            coaches(1),
            FULL,
            List.of(passenger(1).name("Ram Kumar").age(34).accompanying(3).build()),
            Manifest.empty());
    assertEquals(
        List.of(person(1).value(), person(1) + "+1", person(1) + "+2", person(1) + "+3"),
        m.lines().stream().map(l -> l.traveller().id()).sorted().toList());
    Traveller second = line(m, person(1) + "+2").traveller();
    assertEquals(
        new Traveller(person(1) + "+2", person(1), 2, "Ram Kumar +2", null, null, null, 148),
        second);
    assertEquals(
        Set.of(1), m.lines().stream().map(ManifestAllocatorTest::bay).collect(Collectors.toSet()));
  }

  @Test
  void aGroupNoCoachCanHoldIsSplitBetweenWholeParties() {
    List<Passenger> in = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      in.add(passenger(n).group("BIG").accompanying(2).build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(2), DISTANCED, in, Manifest.empty());
    assertEquals(60, m.placed());
    assertEquals(List.of(), m.overflow());
    Map<String, Set<String>> coachesPerParty =
        m.lines().stream()
            .collect(
                Collectors.groupingBy(
                    l -> l.traveller().registrant().value(),
                    Collectors.mapping(ManifestLine::coach, Collectors.toSet())));
    coachesPerParty.forEach(
        (party, coachSet) -> assertEquals(1, coachSet.size(), party + " in " + coachSet));
    assertEquals(List.of(54, 6), m.coaches().stream().map(CoachManifest::occupied).toList());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // lower berths

  @Test
  void elderlyPeopleGetLowerBerthsLowerFirstThenSideLower() {
    List<Passenger> in =
        List.of(
            passenger(1).age(65).build(),
            passenger(2).age(70).build(),
            passenger(3).age(61).build(),
            passenger(4).age(30).build());
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, in, Manifest.empty());
    assertEquals(
        List.of(BerthType.LB, BerthType.LB, BerthType.SL),
        linesOf(m, 1, 3).stream().map(ManifestLine::berthType).sorted().toList());
    assertEquals(BerthType.UB, line(m, person(4).value()).berthType());
  }

  @Test
  void othersLeaveLowerBerthsToTheElderlyAsLongAsTheyCan() {
    List<Passenger> in = new ArrayList<>();
    Set<String> elderly = new HashSet<>();
    for (int n = 1; n <= 69; n++) {
      boolean old = n % 7 == 0;
      in.add(passenger(n).age(old ? 75 : 25).build());
      if (old) {
        elderly.add(person(n).value());
      }
    }
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, in, Manifest.empty());
    assertEquals(9, elderly.size());
    assertEquals(69, m.placed());
    m.lines().stream()
        .filter(l -> elderly.contains(l.traveller().id()))
        .forEach(l -> assertTrue(l.berthType().isLower(), l.toString()));
  }

  @Test
  void whenLowerBerthsRunOutTheyAreAllTaken() {
    List<Passenger> in = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      in.add(passenger(n).age(80).build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, in, Manifest.empty());
    assertEquals(27, m.lines().stream().filter(l -> l.berthType().isLower()).count());
  }

  @Test
  void aChildAndTheGroupsOldestAdultAsGuardianGetLowerBerthsInOneBay() {
    List<Passenger> family =
        List.of(
            passenger(10).age(8).gender(Gender.F).group("FAMILY-17").build(),
            passenger(11).age(35).gender(Gender.F).group("FAMILY-17").build(),
            passenger(12).age(40).group("FAMILY-17").build());
    Manifest m = ALLOCATOR.allocate(coaches(1), FULL, family, Manifest.empty());
    assertEquals(1, line(m, person(10).value()).berth());
    assertEquals(4, line(m, person(12).value()).berth());
    assertEquals(3, line(m, person(11).value()).berth());
  }

  @Test
  void aChildRegistrantsFirstCompanionIsTheirGuardian() {
    Manifest m =
        ALLOCATOR.allocate(
            coaches(1),
            FULL,
            List.of(passenger(20).age(6).accompanying(2).build()),
            Manifest.empty());
    assertEquals(BerthType.LB, line(m, person(20).value()).berthType());
    assertEquals(BerthType.LB, line(m, person(20) + "+1").berthType());
    assertEquals(BerthType.UB, line(m, person(20) + "+2").berthType());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // capacity and overflow

  @Test
  void middleBerthsAreSoldOnlyWhenThePolicyAllows() {
    Manifest full = ALLOCATOR.allocate(coaches(1), FULL, passengers(60), Manifest.empty());
    assertEquals(60, full.placed());
    assertEquals(List.of(), full.overflow());
    assertEquals(72, full.coaches().get(0).capacity());

    Manifest distanced =
        ALLOCATOR.allocate(coaches(1), DISTANCED, passengers(60), Manifest.empty());
    assertEquals(54, distanced.placed());
    assertEquals(54, distanced.coaches().get(0).capacity());
    assertTrue(distanced.lines().stream().noneMatch(l -> l.berthType() == BerthType.MB));
    List<String> lastSix =
        passengers(60).stream().map(p -> p.personId().value()).sorted().toList().subList(54, 60);
    assertEquals(lastSix, distanced.overflow().stream().map(o -> o.traveller().id()).toList());
    Overflow o = distanced.overflow().get(0);
    assertEquals(OverflowReason.TRAIN_FULL, o.reason());
    assertEquals(
        "party of "
            + lastSix.get(0)
            + " (1 berth needed): the train has only 0 free; seat them on"
            + " another train",
        o.detail());
  }

  @Test
  void aPartyThatFitsNoSingleCoachOverflowsWhole() {
    Manifest full = ALLOCATOR.allocate(coaches(2), DISTANCED, passengers(108), Manifest.empty());
    List<Passenger> in = new ArrayList<>(passengers(108));
    Set<String> leaving = new HashSet<>();
    for (String coach : List.of("S1", "S2")) {
      full.lines().stream()
          .filter(l -> l.coach().equals(coach))
          .limit(3)
          .forEach(l -> leaving.add(l.traveller().id()));
    }
    in.removeIf(p -> leaving.contains(p.personId().value()));
    in.add(passenger(200).accompanying(3).build());
    Manifest m = ALLOCATOR.allocate(coaches(2), DISTANCED, in, full);
    assertEquals(4, m.overflow().size());
    assertEquals(
        Set.of(OverflowReason.NO_COACH_WITH_ROOM),
        m.overflow().stream().map(Overflow::reason).collect(Collectors.toSet()));
    assertEquals(
        "party of "
            + person(200)
            + " (4 berths needed): no coach has more than 3 free, and a party"
            + " travels in one coach; seat them on another train or split the party by hand",
        m.overflow().get(0).detail());
  }

  @Test
  void aPartyLargerThanACoachOverflowsWithItsReason() {
    Manifest m =
        ALLOCATOR.allocate(
            Rake.shramik(),
            DISTANCED,
            List.of(passenger(1).accompanying(60).build(), passenger(2).build()),
            Manifest.empty());
    assertEquals(1, m.placed());
    assertEquals(61, m.overflow().size());
    assertEquals(OverflowReason.PARTY_LARGER_THAN_COACH, m.overflow().get(0).reason());
  }

  @Test
  void aFullShramikTrainNeverExceedsACoachAndKeepsPartiesAndGroupsTogether() {
    List<Passenger> in =
        ManifestBenchmark.syntheticTrain(RegistrationFixtures.idScheme(), 3, 1_700, new Random(3));
    int travellers = in.stream().mapToInt(Passenger::berthsNeeded).sum();
    Manifest m = ALLOCATOR.allocate(Rake.shramik(), FULL, in, Manifest.empty());
    assertEquals(travellers, m.placed() + m.overflow().size());
    assertEquals(travellers, m.placed(), "overflow: " + m.overflow());
    m.coaches().forEach(c -> assertTrue(c.occupied() <= 72, c.coach()));
    assertEquals(
        m.placed(), m.lines().stream().map(l -> l.coach() + "/" + l.berth()).distinct().count());
    assertEachIn(m, l -> l.traveller().registrant().value());
    assertEachIn(
        m,
        l ->
            l.traveller().groupRef() == null
                ? l.traveller().registrant().value()
                : l.traveller().groupRef());
  }

  @Test
  void aFullTrainIsAllocatedWellUnderASecond() {
    List<Passenger> in =
        ManifestBenchmark.syntheticTrain(
            RegistrationFixtures.idScheme(), 11, 1_700, new Random(11));
    ALLOCATOR.allocate(Rake.shramik(), FULL, in, Manifest.empty());
    long start = System.nanoTime();
    ALLOCATOR.allocate(Rake.shramik(), FULL, in, Manifest.empty());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 1_000, millis + " ms");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // stability and determinism

  @Test
  void aReRunKeepsEveryoneWhereTheyWereAndSeatsOnlyNewcomers() {
    List<Passenger> before =
        ManifestBenchmark.syntheticTrain(RegistrationFixtures.idScheme(), 5, 600, new Random(5));
    Manifest first = ALLOCATOR.allocate(Rake.shramik(), FULL, before, Manifest.empty());
    List<Passenger> after = new ArrayList<>(before);
    for (int i = 0; i < 10; i++) {
      after.remove(after.size() / 2);
    }
    for (int n = 9_001; n <= 9_005; n++) {
      after.add(passenger(n).age(20 * (n - 9_000)).accompanying(n % 3).build());
    }
    Manifest second = ALLOCATOR.allocate(Rake.shramik(), FULL, after, first);

    Map<String, ManifestLine> was = seats(first);
    Map<String, ManifestLine> now = seats(second);
    int kept = 0;
    for (Map.Entry<String, ManifestLine> e : now.entrySet()) {
      ManifestLine old = was.get(e.getKey());
      if (old != null) {
        assertEquals(
            old.coach() + "/" + old.berth(), e.getValue().coach() + "/" + e.getValue().berth());
        kept++;
      }
    }
    int newcomers = 5 + 9_001 % 3 + 9_002 % 3 + 9_003 % 3 + 9_004 % 3 + 9_005 % 3;
    assertEquals(now.size() - newcomers, kept);
    assertEquals(
        now.size(),
        second.lines().stream().map(l -> l.coach() + "/" + l.berth()).distinct().count());
  }

  @Test
  void aNewcomerToASeatedGroupJoinsItsBay() {
    List<Passenger> in =
        new ArrayList<>(
            List.of(
                passenger(1).group("G").build(),
                passenger(2).group("G").build(),
                passenger(3).group("G").build(),
                passenger(4).build(),
                passenger(5).build()));
    Manifest first = ALLOCATOR.allocate(coaches(1), FULL, in, Manifest.empty());
    assertEquals(
        Set.of(1),
        first.lines().stream().map(ManifestAllocatorTest::bay).collect(Collectors.toSet()));
    in.remove(3);
    in.add(passenger(9).group("G").build());
    in.add(passenger(10).build());
    Manifest second = ALLOCATOR.allocate(coaches(1), FULL, in, first);
    assertEquals(1, bay(line(second, person(9).value())));
    for (int n : new int[] {1, 2, 3, 5}) {
      assertEquals(line(first, person(n).value()).berth(), line(second, person(n).value()).berth());
    }
  }

  @Test
  void aNewcomerToASeatedGroupFollowsItToItsCoachEvenWhenAnEarlierCoachHasRoom() {
    List<Passenger> in = new ArrayList<>();
    for (int n = 1; n <= 72; n++) {
      in.add(passenger(n).group("A").build());
    }
    for (int n = 73; n <= 75; n++) {
      in.add(passenger(n).group("G").build());
    }
    Manifest first = ALLOCATOR.allocate(coaches(2), FULL, in, Manifest.empty());
    assertEquals(List.of(72, 3), first.coaches().stream().map(CoachManifest::occupied).toList());
    in.subList(0, 5).clear();
    in.add(passenger(100).group("G").build());
    Manifest second = ALLOCATOR.allocate(coaches(2), FULL, in, first);
    ManifestLine joined = line(second, person(100).value());
    assertEquals("S2", joined.coach());
    assertEquals(1, bay(joined));
  }

  @Test
  void aSeatThePolicyNoLongerSellsIsGivenUp() {
    Manifest full = ALLOCATOR.allocate(coaches(1), FULL, passengers(3), Manifest.empty());
    List<ManifestLine> onMiddle =
        full.lines().stream().filter(l -> l.berthType() == BerthType.MB).toList();
    assertTrue(onMiddle.isEmpty(), "upper berths come first: " + full.lines());
    Manifest seven = ALLOCATOR.allocate(coaches(1), FULL, passengers(7), Manifest.empty());
    assertEquals(2, seven.lines().stream().filter(l -> l.berthType() == BerthType.MB).count());
    Manifest distanced = ALLOCATOR.allocate(coaches(1), DISTANCED, passengers(7), seven);
    assertEquals(7, distanced.placed());
    assertTrue(distanced.lines().stream().noneMatch(l -> l.berthType() == BerthType.MB));
    seven.lines().stream()
        .filter(l -> l.berthType() != BerthType.MB)
        .forEach(l -> assertEquals(l.berth(), line(distanced, l.traveller().id()).berth()));
  }

  @Test
  void theSamePassengersInAnyOrderGiveTheSameManifest() {
    List<Passenger> in =
        ManifestBenchmark.syntheticTrain(RegistrationFixtures.idScheme(), 7, 1_000, new Random(7));
    Manifest reference = ALLOCATOR.allocate(Rake.shramik(), DISTANCED, in, Manifest.empty());
    for (long seed = 1; seed <= 5; seed++) {
      List<Passenger> shuffled = new ArrayList<>(in);
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(
          reference, ALLOCATOR.allocate(Rake.shramik(), DISTANCED, shuffled, Manifest.empty()));
    }
  }

  @Test
  void aPersonListedTwiceIsRefused() {
    MovementException e =
        assertThrows(
            MovementException.class,
            () ->
                ALLOCATOR.allocate(
                    coaches(1),
                    FULL,
                    List.of(passenger(1).build(), passenger(1).group("G").build()),
                    Manifest.empty()));
    assertEquals(MovementError.DUPLICATE_PASSENGER, e.error());
  }

  // ---------------------------------------------------------------------------------------------------------------
  // counts

  @Test
  void countsPerCoachAndDestinationDistrict() {
    List<Passenger> in = new ArrayList<>();
    for (int n = 1; n <= 80; n++) {
      in.add(passenger(n).district(n <= 50 ? 148 : 187).build());
    }
    Manifest m = ALLOCATOR.allocate(coaches(3), FULL, in, Manifest.empty());
    assertEquals(List.of(72, 8, 0), m.coaches().stream().map(CoachManifest::occupied).toList());
    assertEquals(
        List.of("S1", "S2", "S3"), m.coaches().stream().map(CoachManifest::coach).toList());
    assertEquals(Map.of(148, 50, 187, 30), m.countsByDistrict());
    assertEquals(
        80,
        m.coaches().get(0).countsByDistrict().values().stream().mapToInt(Integer::intValue).sum()
            + m.coaches().get(1).countsByDistrict().values().stream()
                .mapToInt(Integer::intValue)
                .sum());
    assertTrue(m.coaches().get(2).countsByDistrict().isEmpty());
  }

  @Test
  void anEmptyManifestHasNoCoaches() {
    assertEquals(0, Manifest.empty().placed());
    assertNull(Manifest.empty().lines().stream().findFirst().orElse(null));
  }

  private static void assertEachIn(Manifest m, Function<ManifestLine, String> key) {
    Map<String, Set<String>> coaches =
        m.lines().stream()
            .collect(
                Collectors.groupingBy(
                    key, Collectors.mapping(ManifestLine::coach, Collectors.toSet())));
    coaches.forEach((k, c) -> assertEquals(1, c.size(), k + " spread over " + c));
  }

  private static Map<String, ManifestLine> seats(Manifest m) {
    return m.lines().stream().collect(Collectors.toMap(l -> l.traveller().id(), l -> l));
  }

  private static ManifestLine line(Manifest m, String travellerId) {
    return m.lines().stream()
        .filter(l -> l.traveller().id().equals(travellerId))
        .findFirst()
        .orElseThrow(() -> new AssertionError(travellerId + " is not seated: " + m.overflow()));
  }

  private static List<ManifestLine> linesOf(Manifest m, int fromPerson, int toPerson) {
    List<ManifestLine> out = new ArrayList<>();
    for (int n = fromPerson; n <= toPerson; n++) {
      out.add(line(m, person(n).value()));
    }
    return out;
  }

  private static int bay(ManifestLine l) {
    return CoachLayouts.get().layout("SL_ICF").orElseThrow().berths().get(l.berth() - 1).bay();
  }
}
