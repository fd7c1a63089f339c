package org.nmis.tracing.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.serving.PersonIdSet;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.allocation.Traveller;
import org.nmis.movement.service.MovementService;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.Contact;
import org.nmis.tracing.exposure.ContactEdge;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.exposure.ExposureLevel;
import org.nmis.tracing.exposure.LevelCount;
import org.nmis.tracing.journeys.Journey;
import org.nmis.tracing.journeys.JourneySource;
import org.nmis.tracing.journeys.ManifestedTrain;
import org.nmis.tracing.journeys.VehicleRefs;

/**
 * Journeys and co-travellers, in memory: the contacts of a traveller on a full train (some 900
 * parties) take about 2 ms, with no I/O. The service feeds it every registration (from the change
 * feed of {@code registrations}) and every manifest (from the movement log); each update is visible
 * to the next read.
 *
 * <p>Every registration is a journey on its travel date. A manifest seats a request's travellers on
 * a train and date; a seat supersedes the person's own train journey of that date when it names
 * that train or none. A person can have several journeys: two trains, or a train and a bus.
 *
 * <p>Thread safety: updates are serialised on one lock and replace immutable values; reads take no
 * lock and see each person, train and vehicle either before or after an update.
 */
public final class TracingIndex {
  private static final Comparator<Journey> JOURNEY_ORDER =
      Comparator.comparing(Journey::date)
          .thenComparing(Journey::source)
          .thenComparing(Journey::vehicle, Comparator.nullsLast(Comparator.naturalOrder()));

  private final TracingSettings settings;
  private final RegistrationIndex registrations;
  private final Object writes = new Object();

  /**
   * The seated persons, each with their seats (registrations stay in the registration index, read
   * when a question needs them, so the index costs nothing per person who only registered).
   */
  private final ConcurrentHashMap<PersonId, PersonEntry> persons = new ConcurrentHashMap<>();

  private final ConcurrentHashMap<RequestId, SeatedRequest> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TrainRun, List<SeatedRequest>> trains = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<VehicleRun, PersonIdSet> vehicles = new ConcurrentHashMap<>();
  private final DistrictNames names = new DistrictNames();

  /**
   * Seated persons whose registration was removed (erased): they stay in the seat plan, so their
   * co-travellers' exposure is unchanged, but are no contact of anyone (no name, no number).
   */
  private final Set<PersonId> unregistered = ConcurrentHashMap.newKeySet();

  private volatile long seatedTravellers;

  private TracingIndex(TracingSettings settings, RegistrationIndex registrations) {
    this.settings = settings;
    this.registrations = registrations;
  }

  /**
   * A tracing index that follows this registration index from now on, starting with its persons.
   */
  public static TracingIndex following(RegistrationIndex registrations, TracingSettings settings) {
    TracingIndex index = new TracingIndex(settings, registrations);
    registrations.addListener(
        new RegistrationIndex.Listener() {
          @Override
          public void upserted(StoredRegistration previous, StoredRegistration row) {
            index.registered(previous, row);
          }

          @Override
          public void removed(StoredRegistration previous) {
            index.unregistered(previous);
          }
        });
    return index;
  }

  // ---- Updates
  // -------------------------------------------------------------------------------------------------

  /** A person's registration was added or replaced (a new one, or a correction). */
  private void registered(StoredRegistration previous, StoredRegistration row) {
    synchronized (writes) {
      unregistered.remove(row.personId());
      index(row.personId(), previous == null ? null : previous.registration(), row.registration());
    }
  }

  /** A person's registration was removed (erased); a seated person keeps their seats. */
  private void unregistered(StoredRegistration previous) {
    synchronized (writes) {
      index(previous.personId(), previous.registration(), null);
      if (persons.containsKey(previous.personId())) {
        unregistered.add(previous.personId());
      }
    }
  }

  /** What the index knows of a person now: their seats and registration; null when neither. */
  private PersonEntry view(PersonId id) {
    PersonEntry seated = persons.get(id);
    StoredRegistration registration = registrations.byPersonId(id).orElse(null);
    if (seated == null) {
      return registration == null ? null : PersonEntry.empty(id).withRegistration(registration);
    }
    return registration == null ? seated : seated.withRegistration(registration);
  }

  /** Replaces every journey of the train's request with the seats of this manifest. */
  public void manifest(ManifestedTrain train) {
    synchronized (writes) {
      SeatedRequest next =
          new SeatedRequest(train, this::canonical); // checks every berth before any change
      replace(requests.put(train.requestId(), next), next);
    }
  }

  /** The index's instance of a known person, else the one given (it becomes the instance). */
  private PersonId canonical(PersonId id) {
    PersonEntry e = persons.get(id);
    return e == null ? id : e.id();
  }

  public void removeManifest(RequestId id) {
    synchronized (writes) {
      SeatedRequest old = requests.remove(id);
      if (old != null) {
        replace(old, null);
      }
    }
  }

  private void replace(SeatedRequest old, SeatedRequest next) {
    if (next != null) {
      trains.compute(
          next.run,
          (k, list) -> {
            List<SeatedRequest> out = list == null ? new ArrayList<>(1) : new ArrayList<>(list);
            out.remove(old);
            out.add(next);
            return List.copyOf(out);
          });
    }
    if (old != null && (next == null || !old.run.equals(next.run))) {
      trains.computeIfPresent(
          old.run,
          (k, list) -> {
            List<SeatedRequest> out = new ArrayList<>(list);
            out.remove(old);
            return out.isEmpty() ? null : List.copyOf(out);
          });
    }
    Map<PersonId, SeatRef> oldSeats = old == null ? Map.of() : old.seatsByRegistrant();
    Map<PersonId, SeatRef> newSeats = next == null ? Map.of() : next.seatsByRegistrant();
    Set<PersonId> touched = new HashSet<>(oldSeats.keySet());
    touched.addAll(newSeats.keySet());
    for (PersonId p : touched) {
      persons.compute(
          p,
          (k, e) -> {
            PersonEntry out = e == null ? PersonEntry.empty(p) : e;
            if (old != null && oldSeats.containsKey(p)) {
              out = out.withoutSeatsOf(old);
            }
            SeatRef seat = newSeats.get(p);
            if (seat != null) {
              out = out.withSeat(seat);
            }
            return out.isEmpty() ? null : out;
          });
    }
    seatedTravellers += (next == null ? 0 : next.size()) - (old == null ? 0 : old.size());
  }

  /**
   * Moves a person between vehicle and district sets when their registration changes; added before
   * removed.
   */
  private void index(PersonId id, Registration old, Registration now) {
    VehicleRun oldRun = vehicleRun(old);
    VehicleRun newRun = vehicleRun(now);
    if (newRun != null && !newRun.equals(oldRun)) {
      vehicles.computeIfAbsent(newRun, k -> new PersonIdSet()).add(id);
    }
    if (oldRun != null && !oldRun.equals(newRun)) {
      vehicles.computeIfPresent(
          oldRun,
          (k, members) -> {
            members.remove(id);
            return members.isEmpty() ? null : members;
          });
    }
    Set<Integer> oldDistricts = districtsOf(old);
    Set<Integer> newDistricts = districtsOf(now);
    for (Integer d : newDistricts) {
      if (!oldDistricts.contains(d)) {
        names.add(d, id);
      }
    }
    for (Integer d : oldDistricts) {
      if (!newDistricts.contains(d)) {
        names.remove(d, id);
      }
    }
  }

  private static VehicleRun vehicleRun(Registration r) {
    String key = r == null ? null : VehicleRefs.key(r.vehicleRef());
    return key == null ? null : new VehicleRun(key, r.travelDate());
  }

  private static Set<Integer> districtsOf(Registration r) {
    return r == null
        ? Set.of()
        : Set.copyOf(List.of(r.originDistrictCode(), r.destinationDistrictCode()));
  }

  // ---- Reads
  // ---------------------------------------------------------------------------------------------------

  /** Whether the index holds a registration or a seat of this person. */
  public boolean knows(PersonId id) {
    return persons.containsKey(id) || registrations.byPersonId(id).isPresent();
  }

  public Optional<StoredRegistration> registration(PersonId id) {
    return registrations.byPersonId(id);
  }

  /** Every journey of the person, by date; empty when the index does not know them. */
  public List<Journey> journeys(PersonId id) {
    PersonEntry e = view(id);
    return e == null ? List.of() : journeys(e, LocalDate.MIN, LocalDate.MAX);
  }

  private List<Journey> journeys(PersonEntry e, LocalDate from, LocalDate to) {
    List<Journey> out = new ArrayList<>(e.seats().size() + 1);
    for (SeatRef s : e.seats()) {
      if (within(s.request().run.date(), from, to)) {
        out.add(journey(e, s));
      }
    }
    Registration r = e.visibleRegistration();
    if (r != null && within(r.travelDate(), from, to)) {
      out.add(
          new Journey(
              JourneySource.REGISTRATION,
              r.mode(),
              r.travelDate(),
              r.vehicleRef(),
              null,
              r.originStateCode(),
              r.originDistrictCode(),
              null,
              r.destinationStateCode(),
              r.destinationDistrictCode(),
              null,
              null,
              1 + r.personsAccompanying()));
    }
    out.sort(JOURNEY_ORDER);
    return out;
  }

  private static Journey journey(PersonEntry e, SeatRef s) {
    SeatedRequest r = s.request();
    ManifestedTrain t = r.train;
    Integer originDistrict =
        t.originDistrictCode() != null
            ? t.originDistrictCode()
            : e.registration() != null
                ? Integer.valueOf(e.registration().registration().originDistrictCode())
                : null;
    return new Journey(
        JourneySource.MANIFEST,
        TravelMode.TRAIN,
        r.run.date(),
        r.run.trainNumber(),
        r.seat(s.line()),
        t.originStateCode(),
        originDistrict,
        t.booking().originStationCode(),
        t.destinationStateCode(),
        r.lines.get(s.line()).traveller().destinationDistrictCode(),
        t.booking().destinationStationCode(),
        t.requestId(),
        s.partySize());
  }

  private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
    return !date.isBefore(from) && !date.isAfter(to);
  }

  /**
   * The co-travellers of {@code index} on their journeys from {@code from} to {@code to}
   * (inclusive), each at the strongest level over all shared journeys. The index case's own
   * companions are not contacts.
   *
   * @throws TracingException INVALID_DATE_WINDOW, or UNKNOWN_PERSON when the index holds nothing of
   *     the person
   */
  public ContactReport contacts(PersonId index, LocalDate from, LocalDate to) {
    checkWindow(from, to);
    PersonEntry e = known(index);
    ContactCollector collector = new ContactCollector();
    walk(e, from, to, collector);
    List<Contact> contacts =
        collector.contacts(id -> details(id).orElse(null), settings.followUp());
    return new ContactReport(
        index, from, to, journeys(e, from, to), LevelCount.tally(contacts), contacts);
  }

  /**
   * The exposures of {@code index} over the window, one traveller at a time, as {@link #contacts}
   * finds them but without building contacts: for bulk jobs, which merge millions. Look the persons
   * up with {@link #details}.
   *
   * @throws TracingException INVALID_DATE_WINDOW, or UNKNOWN_PERSON when the index holds nothing of
   *     the person
   */
  public void forEachExposure(PersonId index, LocalDate from, LocalDate to, ExposureSink sink) {
    checkWindow(from, to);
    walk(
        known(index),
        from,
        to,
        new Visitor() {
          @Override
          public void seated(SeatedRequest r, int line, ExposureLevel level, String vehicle) {
            sink.exposed(r.registrants[line], r.companions[line], level, r.run.date());
          }

          @Override
          public void party(PersonId registrant, Registration r, String vehicle) {
            for (int n = 0; n <= r.personsAccompanying(); n++) {
              sink.exposed(registrant, n, ExposureLevel.SAME_VEHICLE, r.travelDate());
            }
          }
        });
  }

  /**
   * How to reach a person: from their registration, else from their first seat; empty when not
   * indexed.
   */
  public Optional<ContactDetails> details(PersonId id) {
    PersonEntry e = view(id);
    if (e == null) {
      return Optional.empty();
    }
    if (e.registration() != null) {
      Registration r = e.registration().registration();
      return Optional.of(
          new ContactDetails(
              r.name(),
              r.mobile(),
              r.destinationStateCode(),
              r.destinationDistrictCode(),
              r.personsAccompanying()));
    }
    SeatRef s = e.seats().get(0);
    Traveller t = s.request().lines.get(s.line()).traveller();
    if (unregistered.contains(id) || t.name().startsWith(MovementService.NAME_NOT_AVAILABLE)) {
      return Optional.empty(); // erased: the manifest keeps the seat, not the person
    }
    String name = t.companion() == 0 ? t.name() : t.name().substring(0, t.name().lastIndexOf(' '));
    return Optional.of(
        new ContactDetails(
            name,
            null,
            s.request().train.destinationStateCode(),
            t.destinationDistrictCode(),
            s.partySize() - 1));
  }

  private PersonEntry known(PersonId index) {
    PersonEntry e = view(index);
    if (e == null) {
      throw new TracingException(
          TracingError.UNKNOWN_PERSON,
          "no registration or manifest of person "
              + index
              + " is indexed; check the ID, or retry in a few seconds if the person registered just now");
    }
    return e;
  }

  /**
   * Walks the journeys of the index case {@code e}, whose canonical ID every other reference to
   * them shares.
   */
  private void walk(PersonEntry e, LocalDate from, LocalDate to, Visitor visitor) {
    for (SeatRef s : e.seats()) {
      if (within(s.request().run.date(), from, to)) {
        walkTrain(e.id(), s, visitor);
      }
    }
    Registration r = e.visibleRegistration();
    if (r != null && within(r.travelDate(), from, to)) {
      walkVehicle(e.id(), r, visitor);
    }
  }

  /**
   * @throws TracingException INVALID_DATE_WINDOW unless both dates are given and from is not after
   *     to
   */
  public static void checkWindow(LocalDate from, LocalDate to) {
    if (from == null || to == null || from.isAfter(to)) {
      throw new TracingException(
          TracingError.INVALID_DATE_WINDOW,
          "the window from "
              + from
              + " to "
              + to
              + " is empty; send both dates (YYYY-MM-DD) with from on or before to");
    }
  }

  /** Everyone on the index case's train and date; then unseated registrants naming the train. */
  private void walkTrain(PersonId index, SeatRef own, Visitor visitor) {
    SeatedRequest mine = own.request();
    String coach = mine.coaches[own.line()];
    int bay = mine.bays[own.line()];
    String train = mine.run.trainNumber();
    for (SeatedRequest r : trains.getOrDefault(mine.run, List.of())) {
      for (int i = 0; i < r.size(); i++) {
        if (r.registrants[i].equals(index)) {
          continue; // the index case's own party
        }
        ExposureLevel level =
            !coach.equals(r.coaches[i])
                ? ExposureLevel.SAME_TRAIN
                : bay == r.bays[i] ? ExposureLevel.SAME_BAY : ExposureLevel.SAME_COACH;
        visitor.seated(r, i, level, train);
      }
    }
    unseatedMembers(index, new VehicleRun(train, mine.run.date()), train, visitor);
  }

  /**
   * Everyone who registered the same vehicle reference on the date, and the travellers of a train
   * so numbered.
   */
  private void walkVehicle(PersonId index, Registration own, Visitor visitor) {
    String key = VehicleRefs.key(own.vehicleRef());
    if (key == null) {
      return; // nothing to match on: the registration names no vehicle
    }
    unseatedMembers(index, new VehicleRun(key, own.travelDate()), own.vehicleRef(), visitor);
    for (SeatedRequest r : trains.getOrDefault(new TrainRun(key, own.travelDate()), List.of())) {
      for (int i = 0; i < r.size(); i++) {
        if (!r.registrants[i].equals(index)) {
          visitor.seated(r, i, ExposureLevel.SAME_VEHICLE, own.vehicleRef());
        }
      }
    }
  }

  private void unseatedMembers(PersonId index, VehicleRun run, String vehicle, Visitor visitor) {
    PersonIdSet members = vehicles.get(run);
    for (PersonId q : members == null ? List.<PersonId>of() : members.toList()) {
      PersonEntry e = q.equals(index) ? null : view(q);
      Registration r = e == null ? null : e.visibleRegistration();
      if (r != null) {
        visitor.party(q, r, vehicle);
      }
    }
  }

  /**
   * Registrants in one district (origin or destination) whose name contains {@code query}, ignoring
   * case: names starting with it first, then names with a word starting with it, then the rest; by
   * name and person ID within.
   *
   * @throws TracingException INVALID_NAME_QUERY when the query has fewer than 2 characters
   */
  public NameMatches byName(String query, int districtCode, int limit) {
    return names.search(
        query, districtCode, limit, id -> registrations.byPersonId(id).orElse(null));
  }

  /**
   * The rows of {@code contact_index} for one train and date, over every request seated on it: one
   * row per pair of registrants who shared a coach, SAME_BAY when any travellers of the two parties
   * shared a bay. Sorted by person A, then B. About 20,000 rows for a full Shramik train (24
   * coaches of some 40 parties each); the service replaces the rows of the train and date whenever
   * one of its manifests changes.
   */
  public List<ContactEdge> contactEdges(String trainNumber, LocalDate date) {
    return ContactEdges.of(
        trainNumber, date, trains.getOrDefault(new TrainRun(trainNumber, date), List.of()));
  }

  public IndexStats stats() {
    long seatedOnly =
        persons.keySet().stream().filter(id -> registrations.byPersonId(id).isEmpty()).count();
    return new IndexStats(
        Math.toIntExact(registrations.size() + seatedOnly),
        requests.size(),
        trains.size(),
        vehicles.size(),
        seatedTravellers);
  }
}
