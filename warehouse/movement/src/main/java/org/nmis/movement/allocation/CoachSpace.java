package org.nmis.movement.allocation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.nmis.movement.layout.Berth;
import org.nmis.movement.layout.Coach;
import org.nmis.movement.layout.MiddleBerthPolicy;

/**
 * The berths of one coach during one allocation run: which may be sold, who sits where, free berths
 * per bay.
 */
final class CoachSpace {
  /** A run of consecutive bays of this coach that can hold a party or group. */
  record Window(
      CoachSpace space, int firstBay, int lastBay, int lowerShort, int distance, int slack) {
    int span() {
      return lastBay - firstBay;
    }
  }

  private static final Comparator<Window> BEST_IN_COACH =
      Comparator.comparingInt(Window::span)
          .thenComparingInt(Window::lowerShort)
          .thenComparingInt(Window::distance)
          .thenComparingInt(Window::slack)
          .thenComparingInt(Window::firstBay);

  final int index;
  final Coach coach;
  private final List<Berth> berths;
  private final boolean[] usable;
  private final Traveller[] occupant;
  private final int[] freeInBay;
  private final int[] freeLowerInBay;
  private final int capacity;
  private final int largestBay;
  private int free;

  CoachSpace(int index, Coach coach, MiddleBerthPolicy policy) {
    this.index = index;
    this.coach = coach;
    this.berths = coach.layout().berths();
    this.usable = new boolean[berths.size()];
    this.occupant = new Traveller[berths.size()];
    this.freeInBay = new int[coach.layout().bays() + 1];
    this.freeLowerInBay = new int[freeInBay.length];
    for (Berth b : berths) {
      if (policy.allows(b.type())) {
        usable[b.number() - 1] = true;
        freeInBay[b.bay()]++;
        freeLowerInBay[b.bay()] += b.type().isLower() ? 1 : 0;
        free++;
      }
    }
    this.capacity = free;
    this.largestBay = Arrays.stream(freeInBay).max().orElse(0);
  }

  int free() {
    return free;
  }

  int capacity() {
    return capacity;
  }

  /** Sellable berths of the coach's largest bay. */
  int largestBay() {
    return largestBay;
  }

  int bays() {
    return freeInBay.length - 1;
  }

  /** True when the berth exists, may be sold and is free. */
  boolean isFree(int berthNumber) {
    return berthNumber >= 1
        && berthNumber <= berths.size()
        && usable[berthNumber - 1]
        && occupant[berthNumber - 1] == null;
  }

  Berth berth(int number) {
    return berths.get(number - 1);
  }

  void seat(int berthNumber, Traveller traveller) {
    Berth b = berths.get(berthNumber - 1);
    occupant[berthNumber - 1] = traveller;
    freeInBay[b.bay()]--;
    freeLowerInBay[b.bay()] -= b.type().isLower() ? 1 : 0;
    free--;
  }

  /** Free berths of a bay in berth order. */
  List<Berth> freeBerths(int bay) {
    List<Berth> out = new ArrayList<>();
    for (Berth b : berths) {
      if (b.bay() == bay && isFree(b.number())) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * The fewest consecutive bays with {@code size} free berths, preferring enough free lower berths,
   * closeness to {@code nearBay} (0 for none) and the tightest fit; null when the coach has fewer
   * than {@code size} free.
   */
  Window bestWindow(int size, int lowerWanted, int nearBay) {
    if (free < size) {
      return null;
    }
    Window best = null;
    for (int first = 1; first <= bays(); first++) {
      int total = 0;
      int lower = 0;
      for (int last = first; last <= bays(); last++) {
        total += freeInBay[last];
        lower += freeLowerInBay[last];
        if (total >= size) {
          int distance =
              nearBay == 0 ? 0 : nearBay < first ? first - nearBay : Math.max(0, nearBay - last);
          Window w =
              new Window(
                  this, first, last, Math.max(0, lowerWanted - lower), distance, total - size);
          if (best == null || BEST_IN_COACH.compare(w, best) < 0) {
            best = w;
          }
          break;
        }
      }
    }
    return best;
  }

  CoachManifest toManifest() {
    List<ManifestLine> lines = new ArrayList<>();
    for (Berth b : berths) {
      Traveller t = occupant[b.number() - 1];
      if (t != null) {
        lines.add(new ManifestLine(coach.name(), b.number(), b.type(), t));
      }
    }
    return new CoachManifest(coach.name(), coach.layout().id(), capacity, lines);
  }
}
