package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.fourFromPuneToUttarPradesh;
import static org.nmis.movement.testing.MovementFixtures.requestId;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nmis.model.access.AccessScope;
import org.nmis.movement.MovementError;
import org.nmis.movement.MovementException;
import org.nmis.movement.testing.MovementFixtures;
import org.nmis.movement.testing.RequestScenario;

/**
 * Each transition by the role that owns it, in its jurisdiction; everyone else gets 403 with the
 * right code.
 */
class AccessTest {
  private static final Map<String, AccessScope> USERS =
      Map.of(
          "mh-state", MovementFixtures.mhState(),
          "pune-district", MovementFixtures.puneDistrict(),
          "mumbai-district", MovementFixtures.mumbaiDistrict(),
          "up-state", MovementFixtures.upState(),
          "br-state", MovementFixtures.brState(),
          "railways", MovementFixtures.railways(),
          "health", MovementFixtures.health(),
          "ministry", MovementFixtures.ministry());

  /** A request of the whole of Maharashtra (created by mh-state) to Uttar Pradesh. */
  @ParameterizedTest(name = "{1} from {0} by {2}: {3}")
  @CsvSource({
    "DRAFT, EDIT, mh-state, OK",
    "DRAFT, EDIT, br-state, OUTSIDE_JURISDICTION",
    "DRAFT, SUBMIT, mh-state, OK",
    "DRAFT, SUBMIT, up-state, OUTSIDE_JURISDICTION",
    "DRAFT, SUBMIT, pune-district, OUTSIDE_JURISDICTION",
    "DRAFT, SUBMIT, railways, ROLE_NOT_PERMITTED",
    "SUBMITTED, ACCEPT, up-state, OK",
    "SUBMITTED, ACCEPT, br-state, OUTSIDE_JURISDICTION",
    "SUBMITTED, ACCEPT, mh-state, OUTSIDE_JURISDICTION",
    "SUBMITTED, ACCEPT, railways, ROLE_NOT_PERMITTED",
    "SUBMITTED, ACCEPT, pune-district, ROLE_NOT_PERMITTED",
    "SUBMITTED, ACCEPT, ministry, ROLE_NOT_PERMITTED",
    "SUBMITTED, PARTIALLY_ACCEPT, up-state, OK",
    "SUBMITTED, PARTIALLY_ACCEPT, health, ROLE_NOT_PERMITTED",
    "SUBMITTED, REJECT, up-state, OK",
    "SUBMITTED, REJECT, br-state, OUTSIDE_JURISDICTION",
    "ACCEPTED, BOOK_TRAIN, railways, OK",
    "ACCEPTED, BOOK_TRAIN, up-state, ROLE_NOT_PERMITTED",
    "ACCEPTED, BOOK_TRAIN, mh-state, ROLE_NOT_PERMITTED",
    "TRAIN_BOOKED, MANIFEST, railways, OK",
    "TRAIN_BOOKED, MANIFEST, mh-state, OK",
    "TRAIN_BOOKED, MANIFEST, up-state, OUTSIDE_JURISDICTION",
    "TRAIN_BOOKED, MANIFEST, pune-district, ROLE_NOT_PERMITTED",
    "MANIFESTED, DEPART, railways, OK",
    "MANIFESTED, DEPART, mh-state, ROLE_NOT_PERMITTED",
    "DEPARTED, ARRIVE, railways, OK",
    "DEPARTED, ARRIVE, up-state, OK",
    "DEPARTED, ARRIVE, mh-state, OUTSIDE_JURISDICTION",
    "DEPARTED, ARRIVE, health, ROLE_NOT_PERMITTED",
    "MANIFESTED, CANCEL, mh-state, OK",
    "MANIFESTED, CANCEL, up-state, OUTSIDE_JURISDICTION",
    "MANIFESTED, CANCEL, railways, ROLE_NOT_PERMITTED",
  })
  void onlyTheOwnerMayTakeATransition(
      RequestStatus from, RequestAction action, String user, String outcome) {
    RequestScenario s = RequestScenario.at(from);
    expect(s, s.command(action, USERS.get(user)), outcome);
  }

  /** A request of Pune district, created by the Pune district user. */
  @ParameterizedTest(name = "{0} of a Pune district request by {1}: {2}")
  @CsvSource({
    "SUBMIT, pune-district, OK",
    "SUBMIT, mh-state, OK",
    "SUBMIT, mumbai-district, OUTSIDE_JURISDICTION",
    "EDIT, pune-district, OK",
    "CANCEL, pune-district, OK",
    "CANCEL, mumbai-district, OUTSIDE_JURISDICTION",
  })
  void districtUsersActOnlyForTheirOwnDistrict(RequestAction action, String user, String outcome) {
    RequestScenario s =
        RequestScenario.draft(
            MovementFixtures.puneDistrict(), fourFromPuneToUttarPradesh().build());
    assertEquals(MovementFixtures.PUNE, s.request().originDistrictCode());
    expect(s, s.command(action, USERS.get(user)), outcome);
  }

  @Test
  void onlyOriginUsersCreateRequests() {
    RequestScenario s = RequestScenario.draft();
    for (String user : new String[] {"railways", "health", "ministry"}) {
      MovementException e =
          assertThrows(
              MovementException.class,
              () ->
                  s.workflow.create(
                      requestId(2),
                      new CreateRequest(
                          USERS.get(user), fourFromPuneToUttarPradesh().build(), null)));
      assertEquals(MovementError.ROLE_NOT_PERMITTED, e.error(), user);
    }
  }

  @Test
  void forbiddenComesBeforeConflict() {
    RequestScenario s = RequestScenario.draft();
    MovementException role =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(), s.command(RequestAction.ACCEPT, USERS.get("health"))));
    assertEquals(MovementError.ROLE_NOT_PERMITTED, role.error());
    MovementException place =
        assertThrows(
            MovementException.class,
            () ->
                s.workflow.apply(
                    s.request(), s.command(RequestAction.ACCEPT, USERS.get("br-state"))));
    assertEquals(MovementError.OUTSIDE_JURISDICTION, place.error());
    assertEquals(403, place.error().kind().httpStatus());
    assertEquals(
        "NMIS-MOV-002: user br-state:STATE:10 may not ACCEPT request "
            + s.request().id()
            + " from Maharashtra (27) to Uttar Pradesh (9): only STATE users of the destination state may, and it is"
            + " outside your jurisdiction; ask them",
        place.getMessage());
  }

  private static void expect(RequestScenario s, RequestCommand command, String outcome) {
    if (outcome.equals("OK")) {
      RequestStatus before = s.request().status();
      s.then(command);
      assertEquals(command.action().target(), s.request().status(), "from " + before);
      assertEquals(command.actor().label(), s.events().get(s.events().size() - 1).actor());
    } else {
      MovementException e =
          assertThrows(MovementException.class, () -> s.workflow.apply(s.request(), command));
      assertEquals(MovementError.valueOf(outcome), e.error());
      assertEquals(403, e.error().kind().httpStatus());
      assertTrue(e.getMessage().contains(command.actor().label()), e.getMessage());
    }
  }
}
