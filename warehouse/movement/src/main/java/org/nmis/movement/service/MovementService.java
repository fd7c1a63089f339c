package org.nmis.movement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.PersonIdScheme;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestAllocator;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.booking.BookedTrip;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.epass.EPass;
import org.nmis.movement.epass.EPassIssuer;
import org.nmis.movement.epass.EPassSubject;
import org.nmis.movement.epass.EPassVerification;
import org.nmis.movement.epass.EPassVerifier;
import org.nmis.movement.request.CreateRequest;
import org.nmis.movement.request.Escalation;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.Proposal;
import org.nmis.movement.request.RequestAction;
import org.nmis.movement.request.RequestCommand;
import org.nmis.movement.request.RequestEvent;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.request.RequestWorkflow;
import org.nmis.movement.request.Transition;
import org.nmis.movement.service.MovementMessages.Decoded;
import org.nmis.movement.service.MovementMessages.Logged;
import org.nmis.movement.service.MovementMessages.PassRecord;

/**
 * The movement workflow as a service: commands are checked by the pure {@link RequestWorkflow},
 * logged to the movement log (Kafka, acks=all) and only then applied to the in-memory state, so
 * what a caller was told happened is in the log. Commands are serialised (one at a time for the
 * whole service): of two racing decisions exactly one finds the request where it expected it. On
 * start the state is rebuilt by replaying the log.
 *
 * <p>Request IDs are numbered in creation order (the n-th request gets the person-ID scheme's code
 * of position n under its own key): unique because one service instance writes the log (see
 * docs/ARCHITECTURE.md).
 */
public final class MovementService {
  /**
   * A person on one of these requests has travelled, or will, on its train's date: no second train
   * that day.
   */
  private static final List<RequestStatus> ON_A_TRAIN =
      List.of(
          RequestStatus.TRAIN_BOOKED,
          RequestStatus.MANIFESTED,
          RequestStatus.DEPARTED,
          RequestStatus.ARRIVED);

  /** A traveller's name once their registration is gone (erased). */
  public static final String NAME_NOT_AVAILABLE = "(name not available)";

  private final TransitionLog log;
  private final RegistrationIndex index;
  private final Clock clock;
  private final PersonIdScheme requestIds;
  private final RequestWorkflow workflow;
  private final ManifestAllocator allocator = new ManifestAllocator();
  private final EPassIssuer issuer;
  private final EPassVerifier verifier;
  private final Escalation escalation;

  private final Map<RequestId, MovementRequest> requests = new ConcurrentHashMap<>();
  private final Map<RequestId, List<RequestEvent>> events = new ConcurrentHashMap<>();
  private final Map<RequestId, Map<RequestStatus, Instant>> reachedAt = new ConcurrentHashMap<>();
  private final Map<RequestId, Manifest> manifests = new ConcurrentHashMap<>();
  private final Map<RequestId, Integer> manifestVersions = new ConcurrentHashMap<>();
  private final Map<String, PassRecord> passes = new ConcurrentHashMap<>();

  /**
   * Pass IDs by request and by registrant (a traveller ID without its +n), so no lookup scans every
   * pass.
   */
  private final Map<RequestId, java.util.Set<String>> passIdsByRequest = new ConcurrentHashMap<>();

  private final Map<String, java.util.Set<String>> passIdsByPerson = new ConcurrentHashMap<>();

  /**
   * The requests each person is accepted on, so the double-booking check does not scan every
   * request.
   */
  private final Map<PersonId, java.util.Set<RequestId>> acceptedOn = new ConcurrentHashMap<>();

  private long created;
  private final List<ManifestListener> manifestListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Another serving copy that follows the manifests (the tracing index). */
  public interface ManifestListener {
    void manifested(MovementRequest request, Manifest manifest);

    void withdrawn(RequestId request);
  }

  /** Adds a listener and first tells it of every manifest of a request that is not cancelled. */
  public synchronized void addManifestListener(ManifestListener listener) {
    manifestListeners.add(listener);
    manifests.forEach(
        (id, m) -> {
          MovementRequest r = requests.get(id);
          if (r.status() != RequestStatus.CANCELLED) {
            listener.manifested(r, m);
          }
        });
  }

  public MovementService(
      TransitionLog log,
      RegistrationIndex index,
      ReferenceData reference,
      Clock clock,
      PersonIdScheme requestIds,
      EPassIssuer issuer,
      EPassVerifier verifier,
      Escalation escalation) {
    this.log = log;
    this.index = index;
    this.clock = clock;
    this.requestIds = requestIds;
    this.workflow = new RequestWorkflow(clock, reference, this::tripsOf);
    this.issuer = issuer;
    this.verifier = verifier;
    this.escalation = escalation;
    index.addListener(
        new RegistrationIndex.Listener() {
          @Override
          public void upserted(StoredRegistration previous, StoredRegistration row) {}

          @Override
          public void removed(StoredRegistration previous) {
            eraseName(previous.personId());
          }
        });
  }

  /**
   * A registration left the index (it was erased): its manifests keep the seats and lose the name,
   * as they would after a restart, when names are read from the index again.
   */
  private synchronized void eraseName(PersonId personId) {
    manifests.replaceAll(
        (id, m) ->
            m.lines().stream().anyMatch(l -> l.traveller().registrant().equals(personId))
                    || m.overflow().stream()
                        .anyMatch(o -> o.traveller().registrant().equals(personId))
                ? m.withNameErased(personId, NAME_NOT_AVAILABLE)
                : m);
  }

  /** Rebuilds the state from the log; call once before serving. */
  public synchronized void recover() {
    log.replay(
        message ->
            apply(
                MovementMessages.decode(
                    message,
                    this::nameOf,
                    id -> requests.get(RequestId.parse(id).orElseThrow()).booking())));
  }

  public synchronized MovementRequest create(AccessScope actor, Proposal proposal, String reason) {
    RequestId id = RequestId.forLogPosition(requestIds, 0, created);
    return commit(workflow.create(id, new CreateRequest(actor, proposal, reason)), null, List.of());
  }

  /** Any command but booking and manifesting, which {@link #book} and {@link #manifest} prepare. */
  public synchronized MovementRequest apply(RequestId id, RequestCommand command) {
    MovementRequest current = require(id);
    Transition t = workflow.apply(current, command);
    List<PassRecord> revoked =
        command instanceof RequestCommand.Cancel
            ? revokeAll(id, "request cancelled: " + t.event().reason())
            : List.of();
    return commit(t, null, revoked);
  }

  public synchronized MovementRequest book(
      RequestId id, AccessScope actor, TrainBooking booking, String reason, Long expectedVersion) {
    MovementRequest current = require(id);
    List<Passenger> travelling = passengers(current.acceptedPersons());
    return commit(
        workflow.apply(
            current,
            new RequestCommand.BookTrain(actor, booking, travelling, reason, expectedVersion)),
        null,
        List.of());
  }

  /**
   * Allocates coaches and berths to the accepted passengers (keeping everyone already seated where
   * they were), records the manifest, and issues an e-pass to each seated traveller whose seat is
   * new or changed, revoking the passes of seats that went away.
   */
  public synchronized MovementRequest manifest(
      RequestId id, AccessScope actor, String reason, Long expectedVersion) {
    MovementRequest current = require(id);
    TrainBooking booking = current.booking();
    if (booking == null) { // let the workflow say why (role first, then state)
      workflow.apply(
          current,
          new RequestCommand.RecordManifest(actor, Manifest.empty(), reason, expectedVersion));
      throw new MovementException(
          MovementError.TRANSITION_NOT_ALLOWED, "request " + id + " has no train yet");
    }
    Manifest manifest =
        allocator.allocate(
            booking.rake(),
            booking.middleBerths(),
            passengers(current.acceptedPersons()),
            manifests.getOrDefault(id, Manifest.empty()));
    Transition t =
        workflow.apply(
            current, new RequestCommand.RecordManifest(actor, manifest, reason, expectedVersion));
    return commit(t, manifest, reissuePasses(id, booking, manifest, t.event().at()));
  }

  public Optional<MovementRequest> get(RequestId id) {
    return Optional.ofNullable(requests.get(id));
  }

  public Collection<MovementRequest> all() {
    return List.copyOf(requests.values());
  }

  public List<RequestEvent> events(RequestId id) {
    return List.copyOf(events.getOrDefault(id, List.of()));
  }

  /** When the request last reached each state, in the workflow's order. */
  public Map<RequestStatus, Instant> reachedAt(RequestId id) {
    Map<RequestStatus, Instant> copy = new EnumMap<>(RequestStatus.class);
    copy.putAll(reachedAt.getOrDefault(id, Map.of()));
    return java.util.Collections.unmodifiableMap(copy);
  }

  public Optional<Manifest> manifestOf(RequestId id) {
    return Optional.ofNullable(manifests.get(id));
  }

  public List<Escalation.Overdue> escalations() {
    return escalation.overdue(requests.values(), clock.instant());
  }

  /** The state of a traveller's newest pass under a request (for tracing answers). */
  public Optional<IssuedPass> passOf(RequestId request, String travellerId) {
    return passesOfRequest(request)
        .filter(p -> p.claims().travellerId().equals(travellerId))
        .max(java.util.Comparator.comparing((PassRecord p) -> p.claims().issuedAt()))
        .map(IssuedPass::of);
  }

  /**
   * The newest pass of each traveller of a request, by traveller ID (one lookup for a manifest).
   */
  public Map<String, IssuedPass> latestPassesOf(RequestId request) {
    Map<String, PassRecord> latest = new HashMap<>();
    passesOfRequest(request)
        .forEach(
            p ->
                latest.merge(
                    p.claims().travellerId(),
                    p,
                    (a, b) -> a.claims().issuedAt().isAfter(b.claims().issuedAt()) ? a : b));
    Map<String, IssuedPass> out = new HashMap<>();
    latest.forEach((traveller, p) -> out.put(traveller, IssuedPass.of(p)));
    return out;
  }

  /**
   * Every pass of a person and of those travelling with them, newest first, revoked ones included.
   */
  public List<IssuedPass> passesOf(PersonId person) {
    return passIdsByPerson.getOrDefault(person.value(), java.util.Set.of()).stream()
        .map(passes::get)
        .sorted(java.util.Comparator.comparing((PassRecord p) -> p.claims().issuedAt()).reversed())
        .map(IssuedPass::of)
        .toList();
  }

  public EPassVerification verify(String token) {
    return verifier.verify(
        token,
        clock.instant(),
        passId -> {
          PassRecord p = passes.get(passId);
          return p != null && p.revoked();
        });
  }

  /** An e-pass as the API shows it. */
  public record IssuedPass(
      String passId,
      String travellerId,
      String requestId,
      String trainNumber,
      java.time.LocalDate date,
      String coach,
      int berth,
      Instant validFrom,
      Instant validUntil,
      String status,
      String revocationReason,
      String token) {
    static IssuedPass of(PassRecord p) {
      var c = p.claims();
      return new IssuedPass(
          c.passId(),
          c.travellerId(),
          c.requestId().value(),
          c.trainNumber(),
          c.date(),
          c.coach(),
          c.berth(),
          c.validFrom(),
          c.validUntil(),
          p.revoked() ? "REVOKED" : "ISSUED",
          p.revocationReason(),
          p.revoked() ? null : p.token());
    }
  }

  private MovementRequest commit(Transition t, Manifest manifest, List<PassRecord> changedPasses) {
    MovementRequest r = t.request();
    Map<RequestStatus, Instant> reached = new EnumMap<>(RequestStatus.class);
    reached.putAll(reachedAt.getOrDefault(r.id(), Map.of()));
    reached.put(t.event().to(), t.event().at());
    int version = manifest == null ? 0 : manifestVersions.getOrDefault(r.id(), 0) + 1;
    Integer acceptedPersons = r.decision() == null ? null : persons(r.acceptedPersons());
    byte[] message =
        MovementMessages.encode(
            new Logged(
                r,
                t.event(),
                persons(r.proposal().passengers()),
                acceptedPersons,
                reached,
                manifest,
                version,
                changedPasses));
    log.append(
        r.id().value(), message); // throws when the log did not take it: then nothing changed
    apply(new Decoded(t.event(), manifest, changedPasses));
    return r;
  }

  /** Applies one logged transition to the state (live after the append, or replayed on start). */
  private void apply(Decoded d) {
    RequestEvent e = d.event();
    MovementRequest r =
        e.action() == RequestAction.CREATE
            ? MovementRequest.created(e)
            : requests.get(e.requestId()).apply(e);
    if (e.action() == RequestAction.CREATE) {
      created++;
    }
    MovementRequest before = requests.put(r.id(), r);
    if (before != null) {
      before
          .acceptedPersons()
          .forEach(
              p ->
                  acceptedOn.computeIfPresent(
                      p,
                      (k, ids) -> {
                        ids.remove(r.id());
                        return ids.isEmpty() ? null : ids;
                      }));
    }
    r.acceptedPersons()
        .forEach(
            p -> acceptedOn.computeIfAbsent(p, k -> ConcurrentHashMap.newKeySet()).add(r.id()));
    events.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(e);
    reachedAt.computeIfAbsent(r.id(), k -> new EnumMap<>(RequestStatus.class)).put(e.to(), e.at());
    if (d.manifest() != null) {
      manifests.put(r.id(), d.manifest());
      manifestVersions.merge(r.id(), 1, Integer::sum);
    }
    for (PassRecord p : d.passes()) {
      String passId = p.claims().passId();
      passes.put(passId, p);
      passIdsByRequest
          .computeIfAbsent(p.claims().requestId(), k -> ConcurrentHashMap.newKeySet())
          .add(passId);
      passIdsByPerson
          .computeIfAbsent(registrant(p.claims().travellerId()), k -> ConcurrentHashMap.newKeySet())
          .add(passId);
    }
    // Last, so that listeners see the transition whole: the manifest with its passes.
    if (d.manifest() != null) {
      manifestListeners.forEach(l -> l.manifested(r, d.manifest()));
    }
    if (e.action() == RequestAction.CANCEL && manifests.containsKey(r.id())) {
      manifestListeners.forEach(l -> l.withdrawn(r.id()));
    }
  }

  private MovementRequest require(RequestId id) {
    MovementRequest r = requests.get(id);
    if (r == null) {
      throw new RequestNotFoundException(id);
    }
    return r;
  }

  private List<PassRecord> reissuePasses(
      RequestId id, TrainBooking booking, Manifest manifest, Instant at) {
    Map<String, PassRecord> active = new HashMap<>();
    passesOfRequest(id)
        .filter(p -> !p.revoked())
        .forEach(p -> active.put(p.claims().travellerId(), p));
    List<PassRecord> changed = new ArrayList<>();
    for (ManifestLine line : manifest.lines()) {
      PassRecord old = active.remove(line.traveller().id());
      if (old != null
          && old.claims().coach().equals(line.coach())
          && old.claims().berth() == line.berth()
          && old.claims().trainNumber().equals(booking.trainNumber())
          && old.claims().date().equals(booking.date())) {
        continue;
      }
      if (old != null) {
        changed.add(old.revoke(at, "seat changed to " + line.coach() + "/" + line.berth()));
      }
      EPass pass = issuer.issue(EPassSubject.of(id, booking, line));
      changed.add(new PassRecord(pass.claims(), pass.token(), false, null, null));
    }
    for (PassRecord gone : active.values()) {
      changed.add(gone.revoke(at, "no longer on the manifest"));
    }
    return changed;
  }

  private List<PassRecord> revokeAll(RequestId id, String reason) {
    Instant now = clock.instant();
    return passesOfRequest(id).filter(p -> !p.revoked()).map(p -> p.revoke(now, reason)).toList();
  }

  private java.util.stream.Stream<PassRecord> passesOfRequest(RequestId id) {
    return passIdsByRequest.getOrDefault(id, java.util.Set.of()).stream().map(passes::get);
  }

  private static String registrant(String travellerId) {
    int plus = travellerId.indexOf('+');
    return plus < 0 ? travellerId : travellerId.substring(0, plus);
  }

  private List<Passenger> passengers(List<PersonId> ids) {
    List<Passenger> out = new ArrayList<>(ids.size());
    for (PersonId id : ids) {
      StoredRegistration s =
          index
              .byPersonId(id)
              .orElseThrow(
                  () ->
                      new MovementException(
                          MovementError.PASSENGERS_NOT_ACCEPTED,
                          "person "
                              + id
                              + " is on the request but not in the registrations;"
                              + " a registration being corrected may be on its way, retry in a few seconds"));
      out.add(Passenger.of(s));
    }
    return out;
  }

  private int persons(List<PersonId> ids) {
    int n = 0;
    for (PersonId id : ids) {
      n += 1 + index.byPersonId(id).map(s -> s.registration().personsAccompanying()).orElse(0);
    }
    return n;
  }

  private String nameOf(PersonId id) {
    return index.byPersonId(id).map(s -> s.registration().name()).orElse(NAME_NOT_AVAILABLE);
  }

  /** The trains a person is on across requests, for the double-booking check. */
  private List<BookedTrip> tripsOf(PersonId person) {
    List<BookedTrip> trips = new ArrayList<>();
    for (RequestId id : acceptedOn.getOrDefault(person, java.util.Set.of())) {
      MovementRequest r = requests.get(id);
      if (r.booking() != null && ON_A_TRAIN.contains(r.status())) {
        trips.add(new BookedTrip(r.id(), r.booking().trainNumber(), r.booking().date()));
      }
    }
    return trips;
  }

  /** Asked for a request that does not exist. */
  public static final class RequestNotFoundException extends RuntimeException {
    RequestNotFoundException(RequestId id) {
      super("no movement request " + id + "; check the ID (MR-XXXXX-XXXXX)");
    }
  }
}
