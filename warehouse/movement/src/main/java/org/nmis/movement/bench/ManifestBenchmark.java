package org.nmis.movement.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.registration.Gender;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestAllocator;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;

/**
 * Times {@link ManifestAllocator} on synthetic Shramik trains: one full train (24 SL coaches, about
 * 1,700 travellers) and a day of 280 such trains, single thread. Run after a build: {@code ./mvnw
 * -q -pl warehouse/movement exec:java@bench}
 */
public final class ManifestBenchmark {
  static final int TRAVELLERS_PER_TRAIN = 1_700;
  static final int TRAINS = 280;
  static final int SINGLE_TRAIN_RUNS = 50;

  private ManifestBenchmark() {}

  public static void main(String[] args) {
    PersonIdScheme ids = new PersonIdScheme("benchmark-key-not-for-production", 0);
    List<List<Passenger>> trains = new ArrayList<>();
    for (int t = 0; t < TRAINS; t++) {
      trains.add(syntheticTrain(ids, t, TRAVELLERS_PER_TRAIN, new Random(t)));
    }
    ManifestAllocator allocator = new ManifestAllocator();
    Rake rake = Rake.shramik();
    for (int warm = 0; warm < 20; warm++) {
      allocator.allocate(rake, MiddleBerthPolicy.OCCUPIED, trains.get(warm), Manifest.empty());
    }

    long[] single = new long[SINGLE_TRAIN_RUNS];
    Manifest first = null;
    for (int i = 0; i < SINGLE_TRAIN_RUNS; i++) {
      long start = System.nanoTime();
      first = allocator.allocate(rake, MiddleBerthPolicy.OCCUPIED, trains.get(0), Manifest.empty());
      single[i] = System.nanoTime() - start;
    }
    Arrays.sort(single);
    long start = System.nanoTime();
    Manifest rerun =
        allocator.allocate(
            rake,
            MiddleBerthPolicy.OCCUPIED,
            trains.get(0).subList(10, trains.get(0).size()),
            first);
    long rerunNanos = System.nanoTime() - start;

    start = System.nanoTime();
    int placed = 0;
    int overflow = 0;
    for (List<Passenger> train : trains) {
      Manifest m = allocator.allocate(rake, MiddleBerthPolicy.OCCUPIED, train, Manifest.empty());
      placed += m.placed();
      overflow += m.overflow().size();
    }
    long dayNanos = System.nanoTime() - start;

    System.out.printf(
        "one train: %d travellers, %d placed, %d overflow; median %.1f ms, max %.1f ms over %d runs%n",
        travellers(trains.get(0)),
        first.placed(),
        first.overflow().size(),
        single[SINGLE_TRAIN_RUNS / 2] / 1e6,
        single[SINGLE_TRAIN_RUNS - 1] / 1e6,
        SINGLE_TRAIN_RUNS);
    System.out.printf(
        "re-run after removing 10 registrants: %d placed, %.1f ms%n",
        rerun.placed(), rerunNanos / 1e6);
    System.out.printf(
        "%d trains: %d placed, %d overflow; %.2f s total, %.1f ms per train%n",
        TRAINS, placed, overflow, dayNanos / 1e9, dayNanos / 1e6 / TRAINS);
  }

  /**
   * The passengers of synthetic train number {@code train}: up to {@code travellers}, registrants
   * with 0-3 persons accompanying, a third of them in family or village groups of 2-8 registrants,
   * ages 1-85, eight destination districts. The same arguments give the same passengers.
   */
  public static List<Passenger> syntheticTrain(
      PersonIdScheme ids, int train, int travellers, Random random) {
    List<Passenger> out = new ArrayList<>();
    int seated = 0;
    int offset = 0;
    while (true) {
      int groupSize = random.nextInt(3) == 0 ? 2 + random.nextInt(7) : 1;
      String group = groupSize > 1 ? "T" + train + "-G" + offset : null;
      for (int i = 0; i < groupSize; i++) {
        int accompanying = random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(3);
        if (seated + 1 + accompanying > travellers) {
          return out;
        }
        out.add(
            new Passenger(
                ids.forLogPosition(train % 64, (long) train * 10_000 + offset++),
                "Traveller " + offset,
                1 + random.nextInt(85),
                random.nextBoolean() ? Gender.M : Gender.F,
                group,
                accompanying,
                140 + random.nextInt(8)));
        seated += 1 + accompanying;
      }
    }
  }

  private static int travellers(List<Passenger> passengers) {
    return passengers.stream().mapToInt(Passenger::berthsNeeded).sum();
  }
}
