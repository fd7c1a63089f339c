package org.nmis.tracing.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.Category;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestAllocator;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.bench.ManifestBenchmark;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.bulk.BulkCsv;
import org.nmis.tracing.bulk.BulkReport;
import org.nmis.tracing.bulk.BulkTrace;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.journeys.ManifestedTrain;
import org.nmis.tracing.lookup.EPassStatus;
import org.nmis.tracing.lookup.PersonLookup;

/**
 * Times tracing on a synthetic country: {@code trains} Shramik trains of about 1,700 travellers
 * seated by the real {@link ManifestAllocator} (5% of registrants also took a feeder bus the day
 * before), topped up to {@code registrations} with bus groups of 40 and unseated train journeys.
 * Measures feeding, heap, person lookup plus contacts (1 and 4 threads) and a bulk job. Lives with
 * the tests: it is not part of the service and builds its data like a fixture. Run (about 4 minutes
 * on 2 cores; the data and indexes take some 1.1 GB of heap):
 *
 * <pre>MAVEN_OPTS=-Xmx8g ./mvnw -q -o -pl warehouse/tracing exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.nmis.tracing.bench.TracingBenchmark [-Dexec.args="trains registrations lookups cases"]
 * </pre>
 */
public final class TracingBenchmark {
  static final LocalDate FIRST_DAY = LocalDate.of(2020, 5, 1);
  static final int DAYS = 30;
  static final int TRAVELLERS_PER_TRAIN = 1_700;
  static final int BUS_SEATS = 40;
  static final int CLIENTS = 4;

  private TracingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int trains = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int registrations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    int lookups = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    int cases = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    System.out.println(run(trains, registrations, lookups, cases));
  }

  static String run(int trains, int registrations, int lookups, int cases) throws Exception {
    StringBuilder out = new StringBuilder();
    PersonIdScheme ids = new PersonIdScheme("benchmark-key-not-for-production", 0);
    PersonIdScheme requestIds = RequestId.scheme("benchmark-key-not-for-production", 0);
    long heap0 = usedHeap();

    long start = System.nanoTime();
    List<StoredRegistration> rows = new ArrayList<>(registrations);
    List<ManifestedTrain> manifests = new ArrayList<>(trains);
    ManifestAllocator allocator = new ManifestAllocator();
    for (int t = 0; t < trains; t++) {
      LocalDate date = FIRST_DAY.plusDays(t % DAYS);
      List<Passenger> passengers =
          ManifestBenchmark.syntheticTrain(ids, t, TRAVELLERS_PER_TRAIN, new Random(t));
      for (int k = 0; k < passengers.size(); k++) {
        Passenger p = passengers.get(k);
        boolean feeder = k % 20 == 0;
        rows.add(
            stored(
                p.personId(),
                p.name(),
                p.age(),
                p.gender(),
                rows.size(),
                p.destinationDistrictCode(),
                feeder ? date.minusDays(1) : date,
                feeder ? TravelMode.BUS : TravelMode.TRAIN,
                p.personsAccompanying(),
                p.groupRef(),
                feeder ? "FEEDER-" + t + "-" + k / BUS_SEATS : null));
      }
      TrainBooking booking =
          new TrainBooking(
              String.format("%05d", 1_000 + t),
              date,
              "PUNE",
              "GKP",
              Rake.shramik(),
              MiddleBerthPolicy.OCCUPIED);
      Manifest m =
          allocator.allocate(booking.rake(), booking.middleBerths(), passengers, Manifest.empty());
      manifests.add(
          new ManifestedTrain(RequestId.forLogPosition(requestIds, 0, t), booking, m, 27, 490, 9));
    }
    long seatedNanos = System.nanoTime() - start;
    Random random = new Random(42);
    for (int i = 0; rows.size() < registrations; i++) {
      boolean bus = i % 2 == 0;
      LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
      rows.add(
          stored(
              ids.forLogPosition(63, 100_000_000L + i),
              "Walker " + i,
              18 + random.nextInt(60),
              Gender.F,
              rows.size(),
              140 + random.nextInt(8),
              date,
              bus ? TravelMode.BUS : TravelMode.TRAIN,
              random.nextInt(3),
              null,
              bus ? "BUS-" + date + "-" + i / (2 * BUS_SEATS) : null));
    }
    RegistrationIndex registrationIndex = new RegistrationIndex();
    rows.forEach(registrationIndex::upsert);
    long travellers = manifests.stream().mapToLong(m -> m.manifest().placed()).sum();
    out.append(
        String.format(
            "data: %,d registrations, %,d trains, %,d seated travellers (%,d overflow);"
                + " generated and seated in %.1f s%n",
            rows.size(),
            trains,
            travellers,
            manifests.stream().mapToLong(m -> m.manifest().overflow().size()).sum(),
            seatedNanos / 1e9));
    long heapData = usedHeap();

    start = System.nanoTime(); // the tracing index starts by taking every indexed registration
    TracingIndex index = TracingIndex.following(registrationIndex, TracingSettings.defaults());
    long registrationNanos = System.nanoTime() - start;
    start = System.nanoTime();
    manifests.forEach(index::manifest);
    long manifestNanos = System.nanoTime() - start;
    long heapIndex = usedHeap();
    out.append(
        String.format(
            "feed: %,d registrations in %.2f s (%.1f us each); %,d manifests in %.2f s (%.1f ms"
                + " each)%n",
            rows.size(),
            registrationNanos / 1e9,
            registrationNanos / 1e3 / rows.size(),
            trains,
            manifestNanos / 1e9,
            manifestNanos / 1e6 / Math.max(1, trains)));
    out.append(
        String.format(
            "heap: registrations + registration index + manifests %,d MB; tracing index %,d MB"
                + " more (%s)%n",
            (heapData - heap0) >> 20, (heapIndex - heapData) >> 20, index.stats()));

    PersonLookup lookup =
        new PersonLookup(
            index,
            registrationIndex::byMobile,
            (r, t) -> EPassStatus.notIssued(),
            TracingSettings.defaults());
    LocalDate from = FIRST_DAY.minusDays(1);
    LocalDate to = FIRST_DAY.plusDays(DAYS);
    List<PersonId> persons = rows.stream().map(StoredRegistration::personId).toList();
    measure(lookup, index, persons, from, to, Math.min(lookups, 5_000), 1, new Random(1));
    out.append(
        describe(
            "lookup + contacts, 1 thread",
            measure(lookup, index, persons, from, to, lookups, 1, new Random(2))));
    out.append(
        describe(
            "lookup + contacts, " + CLIENTS + " threads",
            measure(lookup, index, persons, from, to, lookups, CLIENTS, new Random(3))));

    List<String> inputs = new ArrayList<>(cases);
    Random pick = new Random(4);
    for (int i = 0; i < cases; i++) {
      StoredRegistration r = rows.get(pick.nextInt(rows.size()));
      inputs.add(i % 2 == 0 ? r.registration().mobile().substring(3) : r.personId().value());
    }
    BulkTrace bulk = new BulkTrace(index, registrationIndex::byMobile, TracingSettings.defaults());
    start = System.nanoTime();
    BulkReport report = bulk.run(inputs, from, to);
    long bulkNanos = System.nanoTime() - start;
    CountingAppendable csv = new CountingAppendable();
    start = System.nanoTime();
    BulkCsv.write(report, csv);
    long csvNanos = System.nanoTime() - start;
    out.append(
        String.format(
            "bulk: %,d index cases -> %,d exposed persons in %d districts in %.2f s; CSV %,d MB"
                + " in %.2f s%n",
            report.indexCases(),
            report.exposedPersons(),
            report.districts().size(),
            bulkNanos / 1e9,
            csv.chars >> 20,
            csvNanos / 1e9));

    int edges = 0;
    int sampled = Math.min(10, manifests.size() - 1);
    for (int pass = 0; pass < 2; pass++) { // the first pass warms up
      edges = 0;
      start = System.nanoTime();
      for (ManifestedTrain m : manifests.subList(1, 1 + sampled)) {
        edges += index.contactEdges(m.booking().trainNumber(), m.booking().date()).size();
      }
    }
    out.append(
        String.format(
            "contact_index: %,d edges per train, %.1f ms per train%n",
            edges / Math.max(1, sampled),
            (System.nanoTime() - start) / 1e6 / Math.max(1, sampled)));
    return out.toString();
  }

  /**
   * Latencies in nanoseconds, the contacts found, and the collections (count, ms) during the run.
   */
  private record Timings(long[] nanos, long contacts, long gcs, long gcMillis) {}

  private static Timings measure(
      PersonLookup lookup,
      TracingIndex index,
      List<PersonId> persons,
      LocalDate from,
      LocalDate to,
      int n,
      int threads,
      Random random)
      throws Exception {
    long[] nanos = new long[n];
    long[] gc0 = gc();
    long[] seeds = random.longs(threads).toArray();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int first = t * n / threads;
        int last = (t + 1) * n / threads;
        Random r = new Random(seeds[t]);
        done.add(
            pool.submit(
                () -> {
                  long contacts = 0;
                  for (int i = first; i < last; i++) {
                    PersonId p = persons.get(r.nextInt(persons.size()));
                    long s = System.nanoTime();
                    lookup.byPersonId(p).orElseThrow();
                    contacts += index.contacts(p, from, to).contacts().size();
                    nanos[i] = System.nanoTime() - s;
                  }
                  return contacts;
                }));
      }
      long contacts = 0;
      for (Future<Long> f : done) {
        contacts += f.get();
      }
      long[] gc1 = gc();
      return new Timings(nanos, contacts, gc1[0] - gc0[0], gc1[1] - gc0[1]);
    } finally {
      pool.shutdown();
    }
  }

  private static String describe(String what, Timings t) {
    long[] s = t.nanos().clone();
    Arrays.sort(s);
    return String.format(
        "%s: %,d lookups, %.0f contacts each on average; p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " %d collections, %d ms%n",
        what,
        s.length,
        (double) t.contacts() / s.length,
        s[s.length / 2] / 1e6,
        s[(int) (s.length * 0.99)] / 1e6,
        s[s.length - 1] / 1e6,
        t.gcs(),
        t.gcMillis());
  }

  /** Collections so far and their total time in ms, over all collectors. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, b.getCollectionCount());
      millis += Math.max(0, b.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static StoredRegistration stored(
      PersonId id,
      String name,
      int age,
      Gender gender,
      int n,
      int district,
      LocalDate date,
      TravelMode mode,
      int accompanying,
      String groupRef,
      String vehicleRef) {
    Registration r =
        new Registration(
            27,
            "BENCH-" + n,
            name,
            age,
            gender,
            "+91" + (9_000_000_000L + n),
            null,
            null,
            27,
            490,
            9,
            district,
            date,
            mode,
            accompanying,
            groupRef,
            Category.LABOUR,
            vehicleRef);
    Instant at = Instant.parse("2020-04-25T00:00:00Z");
    return new StoredRegistration(id, r, 1, "bench", at, "bench", at);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Counts what the CSV writer produces without keeping it. */
  private static final class CountingAppendable implements Appendable {
    long chars;

    @Override
    public Appendable append(CharSequence csq) {
      chars += csq.length();
      return this;
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      chars += end - start;
      return this;
    }

    @Override
    public Appendable append(char c) {
      chars++;
      return this;
    }
  }
}
