package org.nmis.movement.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.movement.testing.MovementFixtures.person;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nmis.movement.testing.RequestScenario;

/**
 * The log's wire form: what the service writes to Kafka must replay to the same request after a
 * restart.
 */
class RequestEventJsonTest {
  @ParameterizedTest
  @EnumSource(RequestStatus.class)
  void everyEventRoundTripsAndTheRequestReplaysFromTheWire(RequestStatus status) {
    RequestScenario s = RequestScenario.at(status);
    List<RequestEvent> fromWire =
        s.events().stream().map(e -> RequestEventJson.read(RequestEventJson.write(e))).toList();
    assertEquals(s.events(), fromWire);
    assertEquals(s.request(), MovementRequest.replay(fromWire));
  }

  @Test
  void theFormatIsPlainJsonWithNamedFields() {
    RequestScenario s = RequestScenario.at(RequestStatus.ACCEPTED);
    String json = new String(RequestEventJson.write(s.events().get(2)), StandardCharsets.UTF_8);
    assertEquals(
        "{\"v\":1,\"requestId\":\""
            + s.request().id()
            + "\",\"sequence\":3,\"from\":\"SUBMITTED\","
            + "\"to\":\"ACCEPTED\",\"action\":\"ACCEPT\",\"actor\":\"up-state:STATE:9\",\"at\":\"2020-05-10T06:30:00Z\","
            + "\"reason\":null,\"details\":{\"acceptedCount\":4,\"acceptedPersons\":[\""
            + person(1)
            + "\",\""
            + person(2)
            + "\",\""
            + person(3)
            + "\",\""
            + person(4)
            + "\"],\"quarantineCapacity\":500,"
            + "\"facilityNotes\":\"Gorakhpur quarantine centre, 2 halls\",\"nocNumber\":\"UP/NOC/2020/0042\"}}",
        json);
  }

  @Test
  void foreignOrDamagedMessagesAreRefused() {
    for (String bad :
        new String[] {
          "{}", "[1]", "not json", "{\"v\":1,\"action\":\"FLY\"}", "{\"v\":2,\"requestId\":\"x\"}"
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> RequestEventJson.read(bad.getBytes(StandardCharsets.UTF_8)));
      assertTrue(e.getMessage().startsWith("NMIS-MOV-107: "), e.getMessage());
    }
  }
}
