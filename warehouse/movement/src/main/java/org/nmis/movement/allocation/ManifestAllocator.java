package org.nmis.movement.allocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.CoachSpace.Window;
import org.nmis.movement.layout.Berth;
import org.nmis.movement.layout.BerthType;
import org.nmis.movement.layout.Coach;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

/**
 * Seats the passengers of one train, coach by coach. Pure and deterministic: the same rake, policy,
 * passengers (in any order) and previous manifest always give the same manifest.
 *
 * <ul>
 *   <li>Everyone seated in the previous manifest who still travels keeps their berth, if it still
 *       exists and may still be sold; only newcomers are placed, into free berths.
 *   <li>A party (a registrant and their companions) always shares one coach. A group (same {@code
 *       groupRef}) shares one coach and the fewest consecutive bays, one bay when it fits;
 *       newcomers to a seated group are placed next to it. A group no coach can hold is split
 *       between parties, each next to the previous.
 *   <li>People aged 60 or more, children under 12 and one guardian per child (a child's first
 *       companion, else the group's oldest adult) take lower berths first (LB, then SL); others
 *       take upper berths first, which keeps lower berths free for those who need them.
 *   <li>Capacity under the middle-berth policy is never exceeded: a party that fits nowhere goes to
 *       the overflow list with its reason.
 * </ul>
 */
public final class ManifestAllocator {
  static final int ELDERLY_AGE = 60;
  static final int CHILD_AGE_BELOW = 12;
  static final int ADULT_AGE = 18;

  /** Ranks: who chooses berths first. */
  private static final int NEEDS_LOWER = 0;

  private static final int GUARDIAN = 1;
  private static final int ANY = 2;

  private static final List<BerthType> LOWER_FIRST =
      List.of(BerthType.LB, BerthType.SL, BerthType.MB, BerthType.UB, BerthType.SU);
  private static final List<BerthType> UPPER_FIRST =
      List.of(BerthType.UB, BerthType.SU, BerthType.MB, BerthType.SL, BerthType.LB);

  public Manifest allocate(
      Rake rake, MiddleBerthPolicy policy, Collection<Passenger> passengers, Manifest previous) {
    Run run = new Run(rake, policy, passengers);
    run.keep(previous);
    run.placeNewcomers();
    return run.manifest();
  }

  /**
   * Newcomers of one group, by party, and where the group's seated members already are (null if
   * nowhere).
   */
  private record Group(
      String key, List<List<Traveller>> parties, int size, CoachSpace anchor, int anchorBay) {}

  /** Where a seated traveller is. */
  private record Seat(CoachSpace space, int bay) {}

  /** The mutable state of one allocation. */
  private static final class Run {
    private final List<CoachSpace> spaces = new ArrayList<>();
    private final Map<String, CoachSpace> spacesByName = new HashMap<>();
    private final Map<String, List<Traveller>> groups = new TreeMap<>();
    private final Map<String, Traveller> travellers = new HashMap<>();
    private final Map<String, Integer> ranks = new HashMap<>();
    private final Map<String, Seat> seats = new HashMap<>();
    private final List<Overflow> overflow = new ArrayList<>();

    /**
     * Sellable berths of the rake's largest bay: n travellers need at least (n - 1) / largestBay +
     * 1 bays.
     */
    private final int largestBay;

    Run(Rake rake, MiddleBerthPolicy policy, Collection<Passenger> passengers) {
      for (Coach c : rake.coaches()) {
        CoachSpace s = new CoachSpace(spaces.size(), c, policy);
        spaces.add(s);
        spacesByName.put(c.name(), s);
      }
      largestBay = spaces.stream().mapToInt(CoachSpace::largestBay).max().orElse(1);
      Map<String, List<Passenger>> members = new TreeMap<>();
      for (Passenger p :
          passengers.stream().sorted(Comparator.comparing(p -> p.personId().value())).toList()) {
        String key = p.groupRef() == null ? "P:" + p.personId().value() : "G:" + p.groupRef();
        members.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
      members.forEach(this::addGroup);
    }

    private void addGroup(String key, List<Passenger> members) {
      List<Traveller> all = new ArrayList<>();
      for (Passenger p : members) {
        Traveller r = Traveller.registrant(p);
        if (travellers.putIfAbsent(r.id(), r) != null) {
          throw new MovementException(
              MovementError.DUPLICATE_PASSENGER,
              "person "
                  + r.id()
                  + " is listed twice"
                  + " among the passengers of this train; list each person once");
        }
        ranks.put(r.id(), p.age() >= ELDERLY_AGE || p.age() < CHILD_AGE_BELOW ? NEEDS_LOWER : ANY);
        all.add(r);
        for (int n = 1; n <= p.personsAccompanying(); n++) {
          Traveller c = Traveller.companion(p, n);
          travellers.put(c.id(), c);
          ranks.put(c.id(), ANY);
          all.add(c);
        }
      }
      for (Passenger child : members) {
        if (child.age() < CHILD_AGE_BELOW) {
          String guardian = guardianOf(child, members);
          if (guardian != null && ranks.get(guardian) == ANY) {
            ranks.put(guardian, GUARDIAN);
          }
        }
      }
      groups.put(key, all);
    }

    /**
     * The child's first companion, else the oldest adult of the group (members are in person-ID
     * order).
     */
    private static String guardianOf(Passenger child, List<Passenger> members) {
      if (child.personsAccompanying() > 0) {
        return child.personId().value() + "+1";
      }
      Passenger oldest = null;
      for (Passenger p : members) {
        if (p != child && p.age() >= ADULT_AGE && (oldest == null || p.age() > oldest.age())) {
          oldest = p;
        }
      }
      return oldest == null ? null : oldest.personId().value();
    }

    void keep(Manifest previous) {
      for (ManifestLine line : previous.lines()) {
        Traveller t = travellers.get(line.traveller().id());
        CoachSpace s = spacesByName.get(line.coach());
        if (t != null && s != null && !seats.containsKey(t.id()) && s.isFree(line.berth())) {
          seat(s, s.berth(line.berth()), t);
        }
      }
    }

    void placeNewcomers() {
      List<Group> pending = new ArrayList<>();
      groups.forEach(
          (key, all) -> {
            Map<String, List<Traveller>> parties = new LinkedHashMap<>();
            Map<CoachSpace, Integer> seatedPerCoach =
                new TreeMap<>(Comparator.comparingInt(s -> s.index));
            for (Traveller t : all) {
              Seat seat = seats.get(t.id());
              if (seat == null) {
                parties.computeIfAbsent(t.registrant().value(), k -> new ArrayList<>()).add(t);
              } else {
                seatedPerCoach.merge(seat.space(), 1, Integer::sum);
              }
            }
            if (!parties.isEmpty()) {
              List<List<Traveller>> ordered = new ArrayList<>(parties.values());
              ordered.sort(
                  Comparator.<List<Traveller>>comparingInt(this::bestRank)
                      .thenComparing(
                          Comparator.<List<Traveller>>comparingInt(List::size).reversed()));
              CoachSpace anchor =
                  seatedPerCoach.entrySet().stream()
                      .max(
                          Map.Entry.<CoachSpace, Integer>comparingByValue()
                              .thenComparing(e -> -e.getKey().index))
                      .map(Map.Entry::getKey)
                      .orElse(null);
              int size = ordered.stream().mapToInt(List::size).sum();
              pending.add(
                  new Group(
                      key, ordered, size, anchor, anchor == null ? 0 : busiestBay(all, anchor)));
            }
          });
      // Groups joining seated members first, so strangers do not take the berths beside them; then
      // biggest first,
      // which packs coaches tightest.
      pending.sort(
          Comparator.comparing((Group g) -> g.anchor() == null)
              .thenComparing(Comparator.comparingInt(Group::size).reversed())
              .thenComparing(Group::key));
      pending.forEach(this::place);
    }

    private int bestRank(List<Traveller> party) {
      return party.stream().mapToInt(t -> ranks.get(t.id())).min().orElse(ANY);
    }

    private int busiestBay(List<Traveller> group, CoachSpace anchor) {
      Map<Integer, Integer> perBay = new TreeMap<>();
      for (Traveller t : group) {
        Seat s = seats.get(t.id());
        if (s != null && s.space() == anchor) {
          perBay.merge(s.bay(), 1, Integer::sum);
        }
      }
      return perBay.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private void place(Group g) {
      List<Traveller> all = g.parties().stream().flatMap(List::stream).toList();
      Window whole =
          g.anchor() != null
              ? g.anchor().bestWindow(all.size(), lowerWanted(all), g.anchorBay())
              : bestAnywhere(all);
      if (whole != null) {
        fill(whole, all);
        return;
      }
      CoachSpace near = g.anchor();
      int nearBay = g.anchorBay();
      for (List<Traveller> party : g.parties()) {
        Window w = near == null ? null : near.bestWindow(party.size(), lowerWanted(party), nearBay);
        if (w == null) {
          w = bestAnywhere(party);
        }
        if (w == null) {
          overflow(party);
        } else {
          fill(w, party);
          near = w.space();
          nearBay = w.lastBay();
        }
      }
    }

    private int lowerWanted(List<Traveller> travellers) {
      return (int) travellers.stream().filter(t -> ranks.get(t.id()) < ANY).count();
    }

    /**
     * The best window over all coaches: fewest bays, then enough lower berths, then the first
     * coach.
     */
    private Window bestAnywhere(List<Traveller> travellers) {
      int size = travellers.size();
      int lowerWanted = lowerWanted(travellers);
      Window best = null;
      for (CoachSpace s : spaces) {
        Window w = s.bestWindow(size, lowerWanted, 0);
        if (w != null
            && (best == null
                || w.span() < best.span()
                || w.span() == best.span() && w.lowerShort() < best.lowerShort())) {
          best = w;
          if (w.lowerShort() == 0 && w.span() <= (size - 1) / largestBay) {
            break; // no later coach can do better, and ties go to the first
          }
        }
      }
      return best;
    }

    /**
     * Seats travellers bay by bay through the window; in each bay, lower berths go to those who
     * need them.
     */
    private void fill(Window w, List<Traveller> travellers) {
      int next = 0;
      for (int bay = w.firstBay(); bay <= w.lastBay() && next < travellers.size(); bay++) {
        List<Berth> free = w.space().freeBerths(bay);
        int n = Math.min(free.size(), travellers.size() - next);
        List<Traveller> here = new ArrayList<>(travellers.subList(next, next + n));
        here.sort(Comparator.comparingInt(t -> ranks.get(t.id())));
        for (Traveller t : here) {
          List<BerthType> preference = ranks.get(t.id()) < ANY ? LOWER_FIRST : UPPER_FIRST;
          Berth berth =
              free.stream()
                  .min(
                      Comparator.<Berth>comparingInt(b -> preference.indexOf(b.type()))
                          .thenComparingInt(Berth::number))
                  .orElseThrow();
          free.remove(berth);
          seat(w.space(), berth, t);
        }
        next += n;
      }
    }

    private void seat(CoachSpace space, Berth berth, Traveller t) {
      space.seat(berth.number(), t);
      seats.put(t.id(), new Seat(space, berth.bay()));
    }

    private void overflow(List<Traveller> party) {
      int size = party.size();
      int free = spaces.stream().mapToInt(CoachSpace::free).sum();
      int largestCoach = spaces.stream().mapToInt(CoachSpace::capacity).max().orElse(0);
      int mostFree = spaces.stream().mapToInt(CoachSpace::free).max().orElse(0);
      String who =
          "party of "
              + party.get(0).registrant()
              + " ("
              + size
              + (size == 1 ? " berth" : " berths")
              + " needed): ";
      OverflowReason reason;
      String detail;
      if (size > largestCoach) {
        reason = OverflowReason.PARTY_LARGER_THAN_COACH;
        detail =
            who
                + "larger than any coach ("
                + largestCoach
                + " berths); book larger coaches or split the"
                + " registration";
      } else if (free < size) {
        reason = OverflowReason.TRAIN_FULL;
        detail = who + "the train has only " + free + " free; seat them on another train";
      } else {
        reason = OverflowReason.NO_COACH_WITH_ROOM;
        detail =
            who
                + "no coach has more than "
                + mostFree
                + " free, and a party travels in one coach; seat them"
                + " on another train or split the party by hand";
      }
      for (Traveller t : party) {
        overflow.add(new Overflow(t, reason, detail));
      }
    }

    Manifest manifest() {
      overflow.sort(
          Comparator.comparing((Overflow o) -> o.traveller().registrant().value())
              .thenComparingInt(o -> o.traveller().companion()));
      return new Manifest(spaces.stream().map(CoachSpace::toManifest).toList(), overflow);
    }
  }
}
