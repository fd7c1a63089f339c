package org.nmis.movement.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nmis.movement.testing.MovementFixtures.T0;
import static org.nmis.movement.testing.MovementFixtures.fourFromPuneToUttarPradesh;
import static org.nmis.movement.testing.MovementFixtures.mhState;
import static org.nmis.movement.testing.MovementFixtures.upState;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.RequestId;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.movement.epass.EPassIssuer;
import org.nmis.movement.epass.EPassKeys;
import org.nmis.movement.epass.EPassVerifier;
import org.nmis.movement.request.Escalation;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.request.RequestCommand;
import org.nmis.movement.request.RequestStatus;
import org.nmis.movement.testing.MutableClock;

/**
 * The movement service over an in-memory log: a transition counts once the log has it, and only
 * then.
 */
class MovementServiceTest {
  private static final KeyPair KEYS = EPassKeys.generate();

  /**
   * A log in memory that refuses appends while it is down, as Kafka does when the broker is away.
   */
  private static final class InMemoryLog implements TransitionLog {
    final List<byte[]> messages = new ArrayList<>();
    boolean down;

    @Override
    public void append(String key, byte[] message) {
      if (down) {
        throw new IllegalStateException("the log is down");
      }
      messages.add(message.clone());
    }

    @Override
    public void replay(Consumer<byte[]> apply) {
      messages.forEach(apply);
    }
  }

  private final MutableClock clock = new MutableClock(T0);
  private final InMemoryLog log = new InMemoryLog();

  private MovementService service() {
    MovementService s =
        new MovementService(
            log,
            new RegistrationIndex(),
            ReferenceData.get(),
            clock,
            RequestId.scheme(RegistrationFixtures.TEST_ID_KEY, 0),
            new EPassIssuer(KEYS.getPrivate(), clock),
            new EPassVerifier(KEYS.getPublic()),
            new Escalation());
    s.recover();
    return s;
  }

  @Test
  void everyTransitionIsLoggedAndAServiceRebuiltFromTheLogSeesTheSameRequests() {
    MovementService service = service();
    MovementRequest r =
        service.create(mhState(), fourFromPuneToUttarPradesh().build(), "first batch");
    service.apply(r.id(), new RequestCommand.Submit(mhState(), null, null));
    service.apply(r.id(), new RequestCommand.Accept(upState(), 500, null, "UP/NOC/1", null, null));
    assertEquals(3, log.messages.size());

    MovementService rebuilt = service();
    assertEquals(service.get(r.id()), rebuilt.get(r.id()));
    assertEquals(RequestStatus.ACCEPTED, rebuilt.get(r.id()).orElseThrow().status());
    assertEquals(service.events(r.id()), rebuilt.events(r.id()));
    MovementRequest next = rebuilt.create(mhState(), fourFromPuneToUttarPradesh().build(), null);
    assertEquals(false, next.id().equals(r.id()), "a rebuilt service allocates fresh request IDs");
  }

  @Test
  void aTransitionTheLogDidNotTakeChangesNothing() {
    MovementService service = service();
    MovementRequest r = service.create(mhState(), fourFromPuneToUttarPradesh().build(), null);
    log.down = true;
    assertThrows(
        IllegalStateException.class,
        () -> service.apply(r.id(), new RequestCommand.Submit(mhState(), null, null)));
    assertEquals(RequestStatus.DRAFT, service.get(r.id()).orElseThrow().status());
    assertEquals(1, log.messages.size());

    log.down = false;
    assertEquals(
        2, service.apply(r.id(), new RequestCommand.Submit(mhState(), null, null)).version());
  }
}
