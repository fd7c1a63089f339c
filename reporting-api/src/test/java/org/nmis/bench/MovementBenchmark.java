package org.nmis.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.nmis.api.demo.DemoTrains;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.service.MovementService;

/**
 * The peak day of May 2020 through the real movement service: 280 trains, each a request of
 * registered people from one state to another filled up to a full Shramik rake (1,728 berths),
 * walked to TRAIN_BOOKED and then manifested (allocation, e-pass per traveller, movement log
 * append, state update). Times the manifest step. More trains than the peak (1,000 on 1,000,000
 * registrations) run on the following dates: the train loads are disjoint, so each date takes each
 * load at most once, and nobody is on two trains of one date (the service refuses that booking).
 */
final class MovementBenchmark {
  private MovementBenchmark() {}

  /**
   * The peak day's figures (its trains, travellers seated, manifest step per train and seconds in
   * all), and {@code overall} for every train of the run, the peak day's included.
   */
  record Result(
      int trains, int travellers, double[] manifestMillis, double totalSeconds, Overall overall) {}

  /** Every train of the run: how many, travellers seated, over how many dates, seconds in all. */
  record Overall(int trains, int travellers, int dates, double seconds) {}

  /** One manifested train: the manifest step's time and the travellers it seated. */
  private record Manifested(double millis, int placed) {}

  /** The peak day alone. */
  static Result run(MovementService service, RegistrationIndex index, int peak) {
    return run(service, index, peak, peak);
  }

  /**
   * {@code peak} trains on the peak day (tomorrow), then the rest of {@code trains} on the days
   * after, each day going on through the loads from where the day before stopped so that everyone
   * travels about as often.
   */
  static Result run(MovementService service, RegistrationIndex index, int peak, int trains) {
    LocalDate peakDay = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1);
    List<List<StoredRegistration>> loads = DemoTrains.loads(index, (o, d) -> true);
    int peakCount = Math.min(peak, loads.size());
    int total = loads.isEmpty() ? 0 : Math.max(peakCount, trains);
    double[] ms = new double[peakCount];
    int travellers = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < peakCount; i++) {
      Manifested m = train(service, loads.get(i), peakDay, i);
      ms[i] = m.millis();
      travellers += m.placed();
    }
    double peakSeconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "[bench] movement peak day: %d trains, %,d travellers seated in %.1f s; now up to %d trains"
            + " in all%n",
        peakCount,
        travellers,
        peakSeconds,
        total);
    int peakTravellers = travellers;
    int made = peakCount;
    int dates = peakCount > 0 ? 1 : 0;
    int next = loads.isEmpty() ? 0 : peakCount % loads.size();
    for (int day = 1; made < total; day++, dates++) {
      LocalDate date = peakDay.plusDays(day);
      for (int onDay = 0; onDay < loads.size() && made < total; onDay++, made++) {
        travellers += train(service, loads.get(next), date, made).placed();
        next = (next + 1) % loads.size();
      }
    }
    return new Result(
        peakCount,
        peakTravellers,
        ms,
        peakSeconds,
        new Overall(made, travellers, dates, (System.nanoTime() - t0) / 1e9));
  }

  /**
   * Creates, decides, books and manifests train number {@code n} (01000 on) for one load on one
   * date.
   */
  private static Manifested train(
      MovementService service, List<StoredRegistration> load, LocalDate date, int n) {
    int origin = load.get(0).registration().originStateCode();
    int destination = load.get(0).registration().destinationStateCode();
    DemoTrains.Actors actors =
        new DemoTrains.Actors(
            new AccessScope("bench-origin", Role.STATE, origin, null),
            new AccessScope("bench-destination", Role.STATE, destination, null),
            new AccessScope("bench-railways", Role.RAILWAYS, null, null));
    MovementRequest r =
        DemoTrains.book(service, load, date, String.format("%05d", 1000 + n), actors);
    long m0 = System.nanoTime();
    MovementRequest manifested = service.manifest(r.id(), actors.railways(), null, null);
    double ms = (System.nanoTime() - m0) / 1e6;
    return new Manifested(ms, service.manifestOf(manifested.id()).orElseThrow().placed());
  }
}
