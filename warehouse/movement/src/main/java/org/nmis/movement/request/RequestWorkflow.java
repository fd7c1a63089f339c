package org.nmis.movement.request;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.TravelMode;
import org.nmis.movement.Ist;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.allocation.Traveller;
import org.nmis.movement.booking.BookingRules;
import org.nmis.movement.booking.DoubleBookingCheck;
import org.nmis.movement.booking.OtherBookings;
import org.nmis.movement.booking.StationCheck;
import org.nmis.movement.request.RequestCommand.Accept;
import org.nmis.movement.request.RequestCommand.BookTrain;
import org.nmis.movement.request.RequestCommand.Edit;
import org.nmis.movement.request.RequestCommand.PartiallyAccept;
import org.nmis.movement.request.RequestCommand.RecordManifest;
import org.nmis.movement.request.RequestCommand.Reject;

/**
 * Applies commands to movement requests. Pure apart from reading the clock: it returns the new
 * state and the event to log, or throws a {@link MovementException} whose error says 403 (wrong
 * role or jurisdiction), 409 (wrong state, stale version, person booked elsewhere) or 400 (bad
 * input). Role and jurisdiction are checked first, then version and state, then the input. The
 * caller serialises commands per request and appends the event to the log before answering.
 */
public final class RequestWorkflow {
  /** Longest reason or facility notes kept. */
  public static final int MAX_TEXT = 1000;

  public static final int MAX_NOC = 64;

  private final Clock clock;
  private final ReferenceData reference;
  private final StationCheck stations;
  private final BookingRules bookingRules;
  private final OtherBookings otherBookings;

  public RequestWorkflow(Clock clock, ReferenceData reference, OtherBookings otherBookings) {
    this.clock = clock;
    this.reference = reference;
    this.stations = new StationCheck(reference);
    this.bookingRules = new BookingRules(reference);
    this.otherBookings = otherBookings;
  }

  /**
   * Starts a draft under the ID the service allocated from the log position of this CREATE event.
   */
  public Transition create(RequestId id, CreateRequest command) {
    AccessScope actor = command.actor();
    if (actor.role() != Role.STATE && actor.role() != Role.DISTRICT) {
      throw new MovementException(
          MovementError.ROLE_NOT_PERMITTED,
          "user "
              + actor.label()
              + " may not create a"
              + " movement request: only "
              + Party.ORIGIN.description()
              + " may; ask the origin state");
    }
    int origin = actor.stateCode();
    Proposal proposal = checked(origin, command.proposal());
    Integer district = actor.role() == Role.DISTRICT ? actor.districtCode() : null;
    RequestEvent e =
        new RequestEvent(
            id,
            1,
            null,
            RequestStatus.DRAFT,
            RequestAction.CREATE,
            actor.label(),
            clock.instant(),
            text(command.reason(), "reason", MAX_TEXT),
            new Created(origin, district, proposal));
    return new Transition(MovementRequest.created(e), e);
  }

  public Transition apply(MovementRequest current, RequestCommand command) {
    RequestAction action = command.action();
    authorise(current, command.actor(), action);
    if (command.expectedVersion() != null && command.expectedVersion() != current.version()) {
      throw new MovementException(
          MovementError.VERSION_MISMATCH,
          "request "
              + current.id()
              + " is at version "
              + current.version()
              + " ("
              + current.status()
              + "), not the expected "
              + command.expectedVersion()
              + ": someone changed it since you read it; reload it and try again");
    }
    if (!action.allowedFrom(current.status())) {
      throw new MovementException(
          MovementError.TRANSITION_NOT_ALLOWED,
          "cannot "
              + action
              + " request "
              + current.id()
              + ": it is "
              + current.status()
              + ", and "
              + action
              + " is allowed only from "
              + action.from()
              + "; reload the request to see what happened to it");
    }
    if ((action == RequestAction.DEPART || action == RequestAction.ARRIVE)
        && current.booking() != null
        && Ist.date(clock.instant()).isBefore(current.booking().date())) {
      throw new MovementException(
          MovementError.BEFORE_TRAIN_DATE,
          "cannot "
              + action
              + " request "
              + current.id()
              + " on "
              + Ist.date(clock.instant())
              + " (India): its train "
              + current.booking().trainNumber()
              + " runs on "
              + current.booking().date()
              + "; record the departure and arrival on or after that day");
    }
    String reason = text(command.reason(), "reason", MAX_TEXT);
    if (reason == null && (action == RequestAction.REJECT || action == RequestAction.CANCEL)) {
      throw new MovementException(
          MovementError.REASON_REQUIRED,
          action
              + " of request "
              + current.id()
              + " needs a reason; say why, the origin and destination states both read it");
    }
    RequestEvent e =
        new RequestEvent(
            current.id(),
            current.version() + 1,
            current.status(),
            action.target(),
            action,
            command.actor().label(),
            clock.instant(),
            reason,
            details(current, command));
    return new Transition(current.apply(e), e);
  }

  private void authorise(MovementRequest request, AccessScope actor, RequestAction action) {
    if (action.parties().stream().anyMatch(p -> p.includes(actor, request))) {
      return;
    }
    String who =
        action.parties().stream().map(Party::description).collect(Collectors.joining(" or "));
    if (action.parties().stream().anyMatch(p -> p.admitsRole(actor.role()))) {
      throw new MovementException(
          MovementError.OUTSIDE_JURISDICTION,
          "user "
              + actor.label()
              + " may not "
              + action
              + " request "
              + request.id()
              + " from "
              + stations.stateName(request.originStateCode())
              + (request.originDistrictCode() == null
                  ? ""
                  : " district " + request.originDistrictCode())
              + " to "
              + stations.stateName(request.destinationStateCode())
              + ": only "
              + who
              + " may, and it is outside"
              + " your jurisdiction; ask them");
    }
    throw new MovementException(
        MovementError.ROLE_NOT_PERMITTED,
        "user "
            + actor.label()
            + " (role "
            + actor.role()
            + ") may not "
            + action
            + " request "
            + request.id()
            + ": only "
            + who
            + " may");
  }

  /** The event details a command carries, checked; null for commands without details. */
  private EventDetails details(MovementRequest request, RequestCommand command) {
    if (command instanceof Edit c) {
      return checked(request.originStateCode(), c.proposal());
    }
    if (command instanceof Accept c) {
      return accepted(
          request.proposal().passengers(),
          c.quarantineCapacity(),
          c.facilityNotes(),
          c.nocNumber());
    }
    if (command instanceof PartiallyAccept c) {
      return accepted(partly(request, c), c.quarantineCapacity(), c.facilityNotes(), c.nocNumber());
    }
    if (command instanceof Reject c) {
      if (c.quarantineCapacity() != null) {
        capacity(c.quarantineCapacity());
      }
      return new Decision(
          0,
          List.of(),
          c.quarantineCapacity(),
          text(c.facilityNotes(), "facilityNotes", MAX_TEXT),
          null);
    }
    if (command instanceof BookTrain c) {
      return booked(request, c);
    }
    if (command instanceof RecordManifest c) {
      return manifested(request, c);
    }
    return null;
  }

  private Proposal checked(int originStateCode, Proposal p) {
    if (p == null) {
      throw missing("a proposal (destination state, passengers, date, mode, origin station)");
    }
    if (reference.state(p.destinationStateCode()).isEmpty()) {
      throw new MovementException(
          MovementError.UNKNOWN_STATE,
          "destination state "
              + p.destinationStateCode()
              + " is not an LGD state code; see GET /api/v1/reference/states");
    }
    if (p.destinationStateCode() == originStateCode) {
      throw new MovementException(
          MovementError.SAME_ORIGIN_AND_DESTINATION,
          "the destination state is the origin"
              + " state "
              + stations.stateName(originStateCode)
              + "; movement requests go to another state");
    }
    if (p.passengers().isEmpty()) {
      throw new MovementException(
          MovementError.NO_PASSENGERS,
          "the request lists no passengers; add the person" + " IDs of the people who travel");
    }
    Set<PersonId> seen = new HashSet<>();
    for (PersonId id : p.passengers()) {
      if (!seen.add(id)) {
        throw new MovementException(
            MovementError.DUPLICATE_PASSENGER,
            "person " + id + " is listed twice among" + " the passengers; list each person once");
      }
    }
    if (p.proposedDate() == null) {
      throw missing("a proposed date");
    }
    if (p.proposedDate().isBefore(Ist.date(clock.instant()))) {
      throw new MovementException(
          MovementError.DATE_IN_THE_PAST,
          "the proposed date "
              + p.proposedDate()
              + " has passed (today is "
              + Ist.date(clock.instant())
              + " in India); propose today or a later date");
    }
    if (p.mode() == null) {
      throw missing("a mode (TRAIN, BUS or OTHER)");
    }
    if (p.originStationCode() == null && p.mode() == TravelMode.TRAIN) {
      throw missing("an origin station code for travel by train");
    }
    if (p.originStationCode() != null) {
      stations.require(p.originStationCode(), originStateCode, "origin");
    }
    return p;
  }

  /**
   * The named persons, in the order of the proposal, after checking they are a strict subset of it.
   */
  private static List<PersonId> partly(MovementRequest request, PartiallyAccept c) {
    List<PersonId> named = c.acceptedPersons() == null ? List.of() : c.acceptedPersons();
    List<PersonId> passengers = request.proposal().passengers();
    Set<PersonId> unique = new HashSet<>(named);
    List<PersonId> strangers = named.stream().filter(p -> !passengers.contains(p)).toList();
    String problem =
        named.isEmpty()
            ? "names no accepted persons; name them, or REJECT to accept nobody"
            : unique.size() < named.size()
                ? "names a person twice; name each accepted person once"
                : !strangers.isEmpty()
                    ? "names " + strangers + ", who are not passengers of this request"
                    : c.acceptedCount() != named.size()
                        ? "says "
                            + c.acceptedCount()
                            + " accepted but names "
                            + named.size()
                            + " persons; the two must agree"
                        : named.size() == passengers.size()
                            ? "accepts all " + passengers.size() + " passengers; use ACCEPT"
                            : null;
    if (problem != null) {
      throw new MovementException(
          MovementError.INVALID_ACCEPTED_PERSONS,
          "the partial acceptance of " + request.id() + " " + problem);
    }
    return passengers.stream().filter(unique::contains).toList();
  }

  private static Decision accepted(
      List<PersonId> persons, int quarantineCapacity, String facilityNotes, String nocNumber) {
    String noc = text(nocNumber, "nocNumber", MAX_NOC);
    if (noc == null) {
      throw new MovementException(
          MovementError.NOC_REQUIRED,
          "accepting needs the NOC (no-objection"
              + " certificate) number the destination state issued; send nocNumber");
    }
    capacity(quarantineCapacity);
    return new Decision(
        persons.size(),
        persons,
        quarantineCapacity,
        text(facilityNotes, "facilityNotes", MAX_TEXT),
        noc);
  }

  private static void capacity(int quarantineCapacity) {
    if (quarantineCapacity < 0) {
      throw new MovementException(
          MovementError.INVALID_CAPACITY,
          "quarantine capacity "
              + quarantineCapacity
              + " is negative; send the number of quarantine places ready (0 or more)");
    }
  }

  private Booked booked(MovementRequest request, BookTrain c) {
    if (request.proposal().mode() != TravelMode.TRAIN) {
      throw new MovementException(
          MovementError.NOT_A_TRAIN_REQUEST,
          "request "
              + request.id()
              + " travels by "
              + request.proposal().mode()
              + ", not by train; only TRAIN requests are booked on trains");
    }
    if (c.booking() == null) {
      throw missing("a train booking");
    }
    List<Passenger> travelling = c.travelling() == null ? List.of() : c.travelling();
    List<PersonId> accepted = request.acceptedPersons();
    Set<PersonId> acceptedSet = new HashSet<>(accepted);
    List<PersonId> extra = new ArrayList<>();
    Set<PersonId> listed = new HashSet<>();
    for (Passenger p : travelling) {
      if (!acceptedSet.contains(p.personId()) || !listed.add(p.personId())) {
        extra.add(p.personId());
      }
    }
    List<PersonId> missing = accepted.stream().filter(p -> !listed.contains(p)).toList();
    if (!extra.isEmpty() || !missing.isEmpty()) {
      throw new MovementException(
          MovementError.PASSENGERS_NOT_ACCEPTED,
          "the booking's passengers must be the "
              + accepted.size()
              + " accepted persons, each once: "
              + (extra.isEmpty() ? "" : "not accepted or listed" + " twice: " + extra + "; ")
              + (missing.isEmpty() ? "" : "missing: " + missing + "; ")
              + "send the registrations of the accepted persons");
    }
    bookingRules.check(
        c.booking(),
        request.originStateCode(),
        request.destinationStateCode(),
        Ist.date(request.decidedAt()),
        travelling);
    DoubleBookingCheck.requireNone(request.id(), c.booking().date(), accepted, otherBookings);
    return new Booked(c.booking());
  }

  private static Manifested manifested(MovementRequest request, RecordManifest c) {
    if (c.manifest() == null) {
      throw missing("the manifest");
    }
    Set<PersonId> accepted = new HashSet<>(request.acceptedPersons());
    List<String> strangers =
        c.manifest().lines().stream()
            .map(ManifestLine::traveller)
            .filter(t -> !accepted.contains(t.registrant()))
            .map(Traveller::id)
            .limit(5)
            .toList();
    if (!strangers.isEmpty()) {
      throw new MovementException(
          MovementError.PASSENGERS_NOT_ACCEPTED,
          "the manifest seats travellers the"
              + " destination did not accept, such as "
              + strangers
              + "; allocate only the accepted persons");
    }
    return new Manifested(c.manifest().placed(), c.manifest().overflow().size());
  }

  private static MovementException missing(String what) {
    return new MovementException(
        MovementError.MISSING_VALUE, "the command needs " + what + "; send it");
  }

  /** Trimmed text, null when blank; refused when longer than {@code max}. */
  private static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String s = value.strip();
    if (s.length() > max) {
      throw new MovementException(
          MovementError.TEXT_TOO_LONG,
          field + " has " + s.length() + " characters," + " more than " + max + "; shorten it");
    }
    return s;
  }
}
