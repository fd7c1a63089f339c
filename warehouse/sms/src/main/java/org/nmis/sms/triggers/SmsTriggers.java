package org.nmis.sms.triggers;

import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.Station;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.service.MovementService;
import org.nmis.sms.alerts.Contact;
import org.nmis.sms.alerts.Journey;
import org.nmis.sms.alerts.Seat;
import org.nmis.sms.alerts.SmsAlerts;
import org.nmis.sms.outbox.SmsSender;

/**
 * Puts alerts in the outbox when the movement workflow manifests or cancels a train, and when a
 * health user asks for a tracing job's follow-up messages. The workflow calls the listener inside
 * its own lock; the planning (a lookup per traveller, a log write per message) runs after, on one
 * thread of its own, so a 1,700-berth manifest does not hold the workflow. Planning again is
 * harmless (the outbox keeps one message per trigger and number), which is what a restart does: the
 * workflow replays every manifest to its listeners.
 */
public final class SmsTriggers implements MovementService.ManifestListener, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(SmsTriggers.class.getName());

  private final SmsSender sender;
  private final SmsAlerts alerts;
  private final MovementService movement;
  private final Function<PersonId, Optional<StoredRegistration>> registrations;
  private final ReferenceData reference;
  private final LocalTime reportBy;
  private final Clock clock;
  private final ExecutorService planner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sms-triggers");
            t.setDaemon(true);
            return t;
          });

  /** What each request's manifest alerts said last, for its cancellation notice. */
  private final Map<String, Planned> planned = new ConcurrentHashMap<>();

  private record Planned(Journey journey, List<Seat> seats) {}

  public SmsTriggers(
      SmsSender sender,
      SmsAlerts alerts,
      MovementService movement,
      Function<PersonId, Optional<StoredRegistration>> registrations,
      ReferenceData reference,
      LocalTime reportBy,
      Clock clock) {
    this.sender = sender;
    this.alerts = alerts;
    this.movement = movement;
    this.registrations = registrations;
    this.reference = reference;
    this.reportBy = reportBy;
    this.clock = clock;
  }

  @Override
  public void manifested(MovementRequest request, Manifest manifest) {
    planner.execute(
        () -> {
          Journey journey = journey(request);
          List<Seat> seats = seats(request, manifest);
          planned.put(journey.requestId(), new Planned(journey, seats));
          int added = sender.enqueueAll(o -> alerts.manifested(journey, seats, o, clock.instant()));
          if (added > 0) {
            LOG.log(
                System.Logger.Level.INFO,
                "sms: {0} alerts for train {1} of {2} in the outbox",
                added,
                journey.train(),
                journey.requestId());
          }
        });
  }

  @Override
  public void withdrawn(RequestId request) {
    planner.execute(
        () -> {
          Planned p = planned.remove(request.value());
          if (p != null) {
            int added =
                sender.enqueueAll(
                    o -> alerts.cancelled(p.journey(), p.seats(), o, clock.instant()));
            LOG.log(
                System.Logger.Level.INFO,
                "sms: {0} cancellation notices for {1}",
                added,
                request.value());
          }
        });
  }

  /** A tracing job's follow-up advice; how many messages were added (0 when asked before). */
  public int followUp(String jobId, List<Contact> contacts) {
    return sender.enqueueAll(o -> alerts.followUp(jobId, contacts, o, clock.instant()));
  }

  /** Blocks until every trigger received so far is planned (tests, the demo). */
  public void awaitPlanned() {
    try {
      planner.submit(() -> {}).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("NMIS-SMS-124: SMS planning did not finish", e);
    }
  }

  private Journey journey(MovementRequest r) {
    String code = r.booking().originStationCode();
    String station = reference.station(code).map(Station::name).orElse(code);
    return new Journey(
        r.id().value(), r.booking().trainNumber(), r.booking().date(), station, reportBy);
  }

  private List<Seat> seats(MovementRequest r, Manifest manifest) {
    Map<String, MovementService.IssuedPass> passes = movement.latestPassesOf(r.id());
    List<Seat> seats = new ArrayList<>();
    for (ManifestLine line : manifest.lines()) {
      var t = line.traveller();
      Optional<StoredRegistration> reg = registrations.apply(t.registrant());
      if (reg.isEmpty()) {
        continue; // erased or not indexed: nobody to write to
      }
      MovementService.IssuedPass pass = passes.get(t.id());
      seats.add(
          new Seat(
              t.registrant().value(),
              t.companion() == 0 ? reg.get().registration().name() : null,
              t.companion() > 0,
              reg.get().registration().mobile(),
              line.coach(),
              line.berth(),
              r.destinationStateCode(),
              t.destinationDistrictCode(),
              pass == null ? null : pass.passId()));
    }
    return seats;
  }

  @Override
  public void close() {
    planner.shutdown();
  }
}
