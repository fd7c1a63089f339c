package org.nmis.api.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nmis.api.demo.TwilioStub;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SmsGateway;
import org.nmis.sms.outbox.SmsStatus;
import org.nmis.sms.testing.SmsFixtures;

/**
 * The real Twilio SDK over HTTP against a loopback stub: one call is one POST, whatever comes back.
 */
class TwilioGatewayTest {
  private static final Instant T0 = SmsFixtures.T0;
  private final TwilioStub stub = new TwilioStub();
  private final TwilioGateway gateway =
      new TwilioGateway(
          "AC0123456789abcdef0123456789abcdef",
          "test-auth-token",
          "+15005550006",
          "",
          () -> java.net.URI.create("http://127.0.0.1:8080/api/v1/sms/status"),
          stub.baseUrl(),
          Duration.ofSeconds(5));

  TwilioGatewayTest() throws java.io.IOException {}

  @AfterEach
  void stop() {
    stub.close();
  }

  private static OutboxMessage message(String to) {
    return SmsFixtures.message("manifest:MR-1", to, "hi", "NMIS: सुनीता देवी: ट्रेन 01901");
  }

  @Test
  void aCreatedMessageComesBackWithItsSid() {
    SmsGateway.Outcome o = gateway.send(message("+919876500001"));
    SmsGateway.Accepted a = assertInstanceOf(SmsGateway.Accepted.class, o);
    assertEquals(SmsStatus.QUEUED, a.status());
    assertEquals(1, stub.posts());
    TwilioStub.Received r = stub.received().get(0);
    assertEquals(a.sid(), r.sid());
    assertEquals("+919876500001", r.to());
    assertEquals("NMIS: सुनीता देवी: ट्रेन 01901", r.body());
    assertEquals("http://127.0.0.1:8080/api/v1/sms/status", r.statusCallback());
  }

  @Test
  void throttlingAndServerErrorsAreOnePostEachAndNotRetriedHere() {
    stub.then(new TwilioStub.Answer(429, 20429));
    assertInstanceOf(SmsGateway.Throttled.class, gateway.send(message("+919876500001")));
    assertEquals(1, stub.posts(), "the SDK and HttpClient retried a 429");
    stub.then(new TwilioStub.Answer(503, 0));
    assertInstanceOf(SmsGateway.Throttled.class, gateway.send(message("+919876500001")));
    assertEquals(2, stub.posts(), "the SDK and HttpClient retried a 503");
    stub.then(new TwilioStub.Answer(500, 0));
    assertInstanceOf(SmsGateway.Throttled.class, gateway.send(message("+919876500001")));
    assertEquals(3, stub.posts());
    assertEquals(List.of(), stub.received());
  }

  @Test
  void aBadNumberIsRefusedWithTwiliosCode() {
    stub.then(new TwilioStub.Answer(400, 21211));
    SmsGateway.Refused r =
        assertInstanceOf(SmsGateway.Refused.class, gateway.send(message("+919876500001")));
    assertEquals("21211", r.errorCode());
  }

  @Test
  void aLostAnswerIsUnknownAndTheMessageIsFoundAtTheGateway() {
    stub.then(TwilioStub.Answer.lost()); // created, then the connection drops before the answer
    assertInstanceOf(SmsGateway.Unknown.class, gateway.send(message("+919876500001")));
    List<SmsGateway.Found> found = gateway.sentTo("+919876500001", T0);
    assertEquals(1, found.size());
    assertEquals("NMIS: सुनीता देवी: ट्रेन 01901", found.get(0).body());
    assertEquals(stub.received().get(0).sid(), found.get(0).sid());
  }
}
