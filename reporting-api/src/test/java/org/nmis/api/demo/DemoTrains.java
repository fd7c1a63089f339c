package org.nmis.api.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.nmis.model.access.AccessScope;
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
import org.nmis.movement.service.MovementService;

/**
 * Trains run through the real movement service, for the demo and the movement benchmark: registered
 * train travellers cut into full Shramik rakes by corridor, and one request per rake walked from
 * draft to manifest by the origin state, the destination state and Railways.
 */
public final class DemoTrains {
  /** Berths of a full Shramik rake with middle berths in use: 24 sleeper coaches of 72. */
  public static final int SHRAMIK_FULL = 24 * 72;

  private DemoTrains() {}

  /** Who acts: the origin state drafts and submits, the destination accepts, Railways book. */
  public record Actors(AccessScope origin, AccessScope destination, AccessScope railways) {}

  /**
   * Registrations by train between states that both have stations and that {@code corridor} accepts
   * (origin, destination), cut into full rakes: the busiest corridors first; a corridor's last,
   * partly filled load is left out. No registration is in two loads.
   */
  public static List<List<StoredRegistration>> loads(
      RegistrationIndex index, BiPredicate<Integer, Integer> corridor) {
    ReferenceData reference = ReferenceData.get();
    Map<List<Integer>, List<StoredRegistration>> byPair = new HashMap<>();
    for (StoredRegistration s : index.matching(r -> r.mode() == TravelMode.TRAIN)) {
      byPair
          .computeIfAbsent(
              List.of(s.registration().originStateCode(), s.registration().destinationStateCode()),
              k -> new ArrayList<>())
          .add(s);
    }
    List<List<StoredRegistration>> loads = new ArrayList<>();
    byPair.entrySet().stream()
        .filter(e -> corridor.test(e.getKey().get(0), e.getKey().get(1)))
        .filter(
            e ->
                !reference.stationsOf(e.getKey().get(0)).isEmpty()
                    && !reference.stationsOf(e.getKey().get(1)).isEmpty())
        .sorted(
            Comparator.comparingInt(
                    (Map.Entry<List<Integer>, List<StoredRegistration>> e) -> e.getValue().size())
                .reversed())
        .forEach(
            e -> {
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
    return loads;
  }

  /** Creates and submits a request for one load on one date: it waits for the destination. */
  public static MovementRequest submit(
      MovementService service, List<StoredRegistration> load, LocalDate date, Actors actors) {
    int origin = load.get(0).registration().originStateCode();
    int destination = load.get(0).registration().destinationStateCode();
    Station from = ReferenceData.get().stationsOf(origin).get(0);
    List<PersonId> people = load.stream().map(StoredRegistration::personId).toList();
    MovementRequest r =
        service.create(
            actors.origin(),
            new Proposal(destination, people, date, TravelMode.TRAIN, from.code()),
            "return of stranded workers by Shramik special");
    return service.apply(r.id(), new RequestCommand.Submit(actors.origin(), null, null));
  }

  /** The destination accepts a submitted request with an NOC: it waits for Railways. */
  public static MovementRequest accept(
      MovementService service, MovementRequest submitted, String nocNumber, Actors actors) {
    return service.apply(
        submitted.id(),
        new RequestCommand.Accept(actors.destination(), 5000, null, nocNumber, null, null));
  }

  /**
   * Creates, submits, accepts and books a request for one load on one date; the request as booked,
   * ready for its manifest (the caller times that step).
   */
  public static MovementRequest book(
      MovementService service,
      List<StoredRegistration> load,
      LocalDate date,
      String trainNumber,
      Actors actors) {
    ReferenceData reference = ReferenceData.get();
    int origin = load.get(0).registration().originStateCode();
    int destination = load.get(0).registration().destinationStateCode();
    MovementRequest r =
        accept(
            service,
            submit(service, load, date, actors),
            "NOC-" + destination + "-" + trainNumber,
            actors);
    return service.book(
        r.id(),
        actors.railways(),
        TrainBooking.shramik(
            trainNumber,
            date,
            reference.stationsOf(origin).get(0).code(),
            reference.stationsOf(destination).get(0).code(),
            MiddleBerthPolicy.OCCUPIED),
        null,
        null);
  }
}
