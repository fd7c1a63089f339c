package org.nmis.api.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.service.MovementService;
import org.nmis.reports.Reports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Demo tooling: once the demo's registrations are in, plays the movement workflow as the demo users
 * would, so that manifests, e-passes, NOC letters, summaries and contact tracing have data to show.
 * For the busiest corridors between states that have a demo STATE user, the origin state drafts and
 * submits a request for a full Shramik rake, the destination accepts it with an NOC, Railways book
 * a train for tomorrow and generate its manifest.
 */
@Component
public class DemoWorkflow {
  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkflow.class);

  private final WarehousePlatform platform;
  private final MovementService movement;
  private final RegistrationIndex index;
  private final NmisProperties properties;
  private final int trains;

  /**
   * @param trains trains to run ({@code nmis.demo.trains}, 0 = none)
   */
  public DemoWorkflow(
      WarehousePlatform platform,
      MovementService movement,
      RegistrationIndex index,
      NmisProperties properties,
      @Value("${nmis.demo.trains:3}") int trains) {
    this.platform = platform;
    this.movement = movement;
    this.index = index;
    this.properties = properties;
    this.trains = trains;
  }

  /** Waits for the published registrations to be ingested, then runs the trains. */
  void play() {
    if (trains <= 0) {
      return;
    }
    platform.awaitCaughtUp();
    Map<Integer, AccessScope> states = new HashMap<>();
    AccessScope railways = null;
    for (NmisProperties.User u : properties.security().users()) {
      AccessScope scope = new AccessScope(u.username(), u.role(), u.stateCode(), u.districtCode());
      if (u.role() == Role.STATE) {
        states.putIfAbsent(u.stateCode(), scope);
      } else if (u.role() == Role.RAILWAYS && railways == null) {
        railways = scope;
      }
    }
    if (railways == null || states.size() < 2) {
      LOG.info("demo: no trains run; it needs a RAILWAYS user and STATE users of two states");
      return;
    }
    List<List<StoredRegistration>> loads =
        DemoTrains.loads(index, (o, d) -> states.containsKey(o) && states.containsKey(d));
    LocalDate tomorrow = LocalDate.now(Reports.IST).plusDays(1);
    for (int i = 0; i < Math.min(trains, loads.size()); i++) {
      List<StoredRegistration> load = loads.get(i);
      int origin = load.get(0).registration().originStateCode();
      int destination = load.get(0).registration().destinationStateCode();
      DemoTrains.Actors actors =
          new DemoTrains.Actors(states.get(origin), states.get(destination), railways);
      String train = String.format("%05d", 4401 + i);
      MovementRequest booked = DemoTrains.book(movement, load, tomorrow, train, actors);
      movement.manifest(booked.id(), railways, null, null);
      LOG.info(
          "demo: train {} on {} from state {} to state {} manifested (request {}); as {}: curl -u"
              + " <user>:<password> -o manifest.pdf"
              + " http://localhost:8080/api/v1/movement/requests/{}/manifest.pdf",
          train,
          tomorrow,
          origin,
          destination,
          booked.id(),
          actors.origin().username(),
          booked.id());
    }
    // Two more loads, left where the desks act on them: one waits for the destination's decision,
    // one for Railways to book.
    int next = Math.min(trains, loads.size());
    for (int i = next; i < Math.min(next + 2, loads.size()); i++) {
      List<StoredRegistration> load = loads.get(i);
      DemoTrains.Actors actors =
          new DemoTrains.Actors(
              states.get(load.get(0).registration().originStateCode()),
              states.get(load.get(0).registration().destinationStateCode()),
              railways);
      MovementRequest r = DemoTrains.submit(movement, load, tomorrow.plusDays(1), actors);
      if (i > next) {
        r = DemoTrains.accept(movement, r, "NOC-DEMO-" + (i + 1), actors);
      }
      LOG.info(
          "demo: request {} from state {} to state {} waits for {} (the {} desk)",
          r.id(),
          r.originStateCode(),
          r.destinationStateCode(),
          i > next ? "a train" : "the destination's decision",
          i > next ? "Railways" : actors.destination().username() + " state");
    }
    if (loads.size() < trains) {
      LOG.info(
          "demo: {} of {} trains run: the other corridors between demo states do not fill a rake"
              + " (publish more registrations: ./nmis demo N)",
          loads.size(),
          trains);
    }
  }
}
