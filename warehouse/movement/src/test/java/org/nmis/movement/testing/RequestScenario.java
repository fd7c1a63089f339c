package org.nmis.movement.testing;

import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.fourFromPuneToUttarPradesh;
import static org.nmis.movement.testing.MovementFixtures.mhState;
import static org.nmis.movement.testing.MovementFixtures.passenger;
import static org.nmis.movement.testing.MovementFixtures.puneToGorakhpurSpecial;
import static org.nmis.movement.testing.MovementFixtures.railways;
import static org.nmis.movement.testing.MovementFixtures.requestId;
import static org.nmis.movement.testing.MovementFixtures.upState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nmis.model.access.AccessScope;
import org.nmis.model.reference.ReferenceData;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestAllocator;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.request.CreateRequest;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.Proposal;
import org.nmis.movement.request.RequestAction;
import org.nmis.movement.request.RequestCommand;
import org.nmis.movement.request.RequestEvent;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.request.RequestWorkflow;
import org.nmis.movement.request.Transition;

/**
 * One request driven through the workflow, recording its events; the clock moves an hour after each
 * step. Gives a valid command for every action, so a test varies only what it is about.
 */
public final class RequestScenario {
  public static final String NOC = "UP/NOC/2020/0042";

  /** 06:00 in India on the scenario's travel date: when its train leaves. */
  public static final Instant DEPARTURE =
      MovementFixtures.TRAVEL_DATE
          .atTime(6, 0)
          .atZone(java.time.ZoneId.of("Asia/Kolkata"))
          .toInstant();

  public final MutableClock clock = new MutableClock(T0);
  public final FakeOtherBookings otherBookings = new FakeOtherBookings();
  public final RequestWorkflow workflow =
      new RequestWorkflow(clock, ReferenceData.get(), otherBookings);
  private final List<RequestEvent> events = new ArrayList<>();
  private MovementRequest request;

  private RequestScenario() {}

  /** Persons 1-4 from Pune to Uttar Pradesh, created by the Maharashtra state user. */
  public static RequestScenario draft() {
    return draft(mhState(), fourFromPuneToUttarPradesh().build());
  }

  public static RequestScenario draft(AccessScope by, Proposal proposal) {
    RequestScenario s = new RequestScenario();
    s.record(
        s.workflow.create(requestId(1), new CreateRequest(by, proposal, "first Shramik batch")));
    return s;
  }

  /** The request walked from its draft along the usual path to the status. */
  public static RequestScenario at(RequestStatus status) {
    RequestScenario s = draft();
    for (RequestAction a : pathTo(status)) {
      s.then(s.command(a));
    }
    return s;
  }

  private static List<RequestAction> pathTo(RequestStatus status) {
    List<RequestAction> mainLine =
        List.of(
            RequestAction.SUBMIT,
            RequestAction.ACCEPT,
            RequestAction.BOOK_TRAIN,
            RequestAction.MANIFEST,
            RequestAction.DEPART,
            RequestAction.ARRIVE);
    return switch (status) {
      case DRAFT -> List.of();
      case SUBMITTED -> mainLine.subList(0, 1);
      case ACCEPTED -> mainLine.subList(0, 2);
      case TRAIN_BOOKED -> mainLine.subList(0, 3);
      case MANIFESTED -> mainLine.subList(0, 4);
      case DEPARTED -> mainLine.subList(0, 5);
      case ARRIVED -> mainLine;
      case PARTIALLY_ACCEPTED -> List.of(RequestAction.SUBMIT, RequestAction.PARTIALLY_ACCEPT);
      case REJECTED -> List.of(RequestAction.SUBMIT, RequestAction.REJECT);
      case CANCELLED -> List.of(RequestAction.CANCEL);
    };
  }

  public MovementRequest request() {
    return request;
  }

  public List<RequestEvent> events() {
    return List.copyOf(events);
  }

  /**
   * Applies the command and records its event. A train departs and arrives on or after its date, so
   * a DEPART or ARRIVE first moves the clock to {@link #DEPARTURE} if it is earlier.
   */
  public RequestScenario then(RequestCommand command) {
    if ((command instanceof RequestCommand.Depart || command instanceof RequestCommand.Arrive)
        && clock.instant().isBefore(DEPARTURE)) {
      clock.set(DEPARTURE);
    }
    record(workflow.apply(request, command));
    return this;
  }

  private void record(Transition t) {
    request = t.request();
    events.add(t.event());
    clock.advance(Duration.ofHours(1));
  }

  /** A valid command of the action by the user who usually takes it. */
  public RequestCommand command(RequestAction action) {
    return command(action, usualActor(action));
  }

  public static AccessScope usualActor(RequestAction action) {
    return switch (action) {
      case CREATE, EDIT, SUBMIT, CANCEL -> mhState();
      case ACCEPT, PARTIALLY_ACCEPT, REJECT -> upState();
      case BOOK_TRAIN, MANIFEST, DEPART, ARRIVE -> railways();
    };
  }

  /** A valid command of the action by the given user. */
  public RequestCommand command(RequestAction action, AccessScope by) {
    return switch (action) {
      case CREATE -> throw new IllegalArgumentException("create through draft(...)");
      case EDIT ->
          new RequestCommand.Edit(
              by,
              fourFromPuneToUttarPradesh().station(MovementFixtures.LTT).build(),
              "from LTT instead",
              null);
      case SUBMIT -> new RequestCommand.Submit(by, null, null);
      case ACCEPT ->
          new RequestCommand.Accept(
              by, 500, "Gorakhpur quarantine centre, 2 halls", NOC, null, null);
      case PARTIALLY_ACCEPT ->
          new RequestCommand.PartiallyAccept(
              by,
              2,
              request.proposal().passengers().subList(0, 2),
              2,
              "one hall",
              NOC,
              "capacity for two",
              null);
      case REJECT -> new RequestCommand.Reject(by, 0, null, "quarantine centres full", null);
      case BOOK_TRAIN ->
          new RequestCommand.BookTrain(by, puneToGorakhpurSpecial(), travelling(), null, null);
      case MANIFEST -> new RequestCommand.RecordManifest(by, manifest(), null, null);
      case DEPART -> new RequestCommand.Depart(by, null, null);
      case ARRIVE -> new RequestCommand.Arrive(by, null, null);
      case CANCEL -> new RequestCommand.Cancel(by, "people chose to stay", null);
    };
  }

  /**
   * The registrations of the accepted persons; person n is {@code passenger(n)} with n-1 persons
   * accompanying.
   */
  public List<Passenger> travelling() {
    List<Passenger> out = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      Passenger p = passenger(n).accompanying(n - 1).build();
      if (request.acceptedPersons().contains(p.personId())) {
        out.add(p);
      }
    }
    return out;
  }

  public Manifest manifest() {
    TrainBooking booking = request.booking() == null ? puneToGorakhpurSpecial() : request.booking();
    return new ManifestAllocator()
        .allocate(booking.rake(), booking.middleBerths(), travelling(), Manifest.empty());
  }
}
