package org.nmis.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.movement.MovementService;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.Station;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.Proposal;
import org.nmis.movement.request.RequestCommand;

/**
 * The peak day of May 2020 through the real movement service: 280 trains, each a request of registered people
 * from one state to another filled up to a full Shramik rake (1,728 berths), walked to TRAIN_BOOKED and then
 * manifested (allocation, e-pass per traveller, movement log append, state update). Times the manifest step.
 */
final class MovementBenchmark {
  private static final int SHRAMIK_FULL = 24 * 72;

  private MovementBenchmark() {}

  record Result(int trains, int travellers, double[] manifestMillis, double totalSeconds) {}

  static Result run(MovementService service, RegistrationIndex index, int trains) {
    LocalDate date = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(1);
    ReferenceData reference = ReferenceData.get();
    Map<List<Integer>, List<StoredRegistration>> byPair = new HashMap<>();
    for (StoredRegistration s : index.matching(r -> r.mode() == org.nmis.model.registration.TravelMode.TRAIN)) {
      byPair.computeIfAbsent(List.of(s.registration().originStateCode(), s.registration().destinationStateCode()),
          k -> new ArrayList<>()).add(s);
    }
    List<List<StoredRegistration>> loads = new ArrayList<>();
    byPair.entrySet().stream()
        .filter(e -> !reference.stationsOf(e.getKey().get(0)).isEmpty()
            && !reference.stationsOf(e.getKey().get(1)).isEmpty())
        .sorted(Comparator.comparingInt((Map.Entry<List<Integer>, List<StoredRegistration>> e) -> e.getValue().size())
            .reversed())
        .forEach(e -> {
          List<StoredRegistration> load = new ArrayList<>();
          int persons = 0;
          for (StoredRegistration s : e.getValue()) {
            int needs = 1 + s.registration().personsAccompanying();
            if (persons + needs > SHRAMIK_FULL) {
              loads.add(load);
              load = new ArrayList<>();
              persons = 0;
            }
            load.add(s);
            persons += needs;
          }
        });
    int count = Math.min(trains, loads.size());
    double[] ms = new double[count];
    int travellers = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      List<StoredRegistration> load = loads.get(i);
      int origin = load.get(0).registration().originStateCode();
      int destination = load.get(0).registration().destinationStateCode();
      Station from = reference.stationsOf(origin).get(0);
      Station to = reference.stationsOf(destination).get(0);
      List<PersonId> people = load.stream().map(StoredRegistration::personId).toList();
      AccessScope originState = new AccessScope("bench-origin", Role.STATE, origin, null);
      AccessScope destinationState = new AccessScope("bench-destination", Role.STATE, destination, null);
      AccessScope railways = new AccessScope("bench-railways", Role.RAILWAYS, null, null);
      MovementRequest r = service.create(originState,
          new Proposal(destination, people, date, TravelMode.TRAIN, from.code()), "benchmark");
      service.apply(r.id(), new RequestCommand.Submit(originState, null, null));
      service.apply(r.id(), new RequestCommand.Accept(destinationState, 5000, null, "NOC-BENCH-" + i, null, null));
      service.book(r.id(), railways, TrainBooking.shramik(String.format("%05d", 1000 + i), date, from.code(),
          to.code(), MiddleBerthPolicy.OCCUPIED), null, null);
      long m0 = System.nanoTime();
      MovementRequest manifested = service.manifest(r.id(), railways, null, null);
      ms[i] = (System.nanoTime() - m0) / 1e6;
      travellers += service.manifestOf(manifested.id()).orElseThrow().placed();
    }
    return new Result(count, travellers, ms, (System.nanoTime() - t0) / 1e9);
  }
}
