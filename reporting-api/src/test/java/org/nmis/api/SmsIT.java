package org.nmis.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.nmis.api.demo.TwilioStub;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.Field;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.movement.service.MovementService;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.outbox.SmsStatus;
import org.nmis.sms.triggers.SmsTriggers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SMS alerts end to end with the real Twilio SDK against the loopback stub: a manifest puts one
 * message per mobile in the outbox (a family named in one), the stub receives each once and posts
 * signed receipts back, the number the stub fails shows in the unreached list of its district,
 * forged receipts are refused, STOP is honoured, and the outbox lands in Delta under the policy.
 */
class SmsIT extends ApiTestBase {
  @Autowired SmsSender sender;
  @Autowired SmsTriggers triggers;
  @Autowired MovementService movement;

  @Test
  void aManifestIsSentOncePerMobileReceiptsComeBackAndTheFailedNumberIsUnreached()
      throws Exception {
    List<String> ids =
        registerAs(
            "mh-state",
            "mh-demo",
            traveller("SMS-1", "7100000201", "Ramesh Kumar", "1"),
            traveller("SMS-2", "7100000202", "Sita Devi", "0"),
            traveller("SMS-3", "7100000213", "Anil Yadav", "0"));
    String request = manifestTrain(ids, "05111");
    triggers.awaitPlanned();
    await(() -> stubGot("+917100000201") && stubGot("+917100000202") && stubGot("+917100000213"));
    await(
        () ->
            status("+917100000201") == SmsStatus.DELIVERED
                && status("+917100000213") == SmsStatus.UNDELIVERED);

    // One message per number; the family's names both parents' seats and the companion.
    List<TwilioStub.Received> family = to("+917100000201");
    assertEquals(1, family.size());
    assertTrue(family.get(0).body().contains("Ramesh Kumar +1"), family.get(0).body());
    assertTrue(family.get(0).body().contains("05111"), family.get(0).body());
    assertEquals("hi", message("+917100000201").language(), "Uttar Pradesh gets Hindi");

    // A trigger fired again (as on a restart's replay) adds nothing and sends nothing.
    int posts = TWILIO.posts();
    triggers.manifested(
        movement.get(RequestId.parse(request).orElseThrow()).orElseThrow(),
        movement.manifestOf(RequestId.parse(request).orElseThrow()).orElseThrow());
    triggers.awaitPlanned();
    Thread.sleep(500);
    assertEquals(posts, TWILIO.posts());
    assertEquals(1, to("+917100000201").size());

    // The district's nodal officer sees whom to call, names and numbers; the ministry the last
    // four digits; another district nobody; Railways may not ask.
    JsonNode gkp =
        json(get("/api/v1/sms/unreached?district=148", "gkp-district", "gkp-demo"))
            .get("unreached");
    JsonNode anil = find(gkp, "+917100000213");
    assertEquals("Anil Yadav", anil.get("names").asText());
    assertEquals("undelivered: handset unreachable or switched off", anil.get("reason").asText());
    assertTrue(find(gkp, "+917100000201") == null, "a delivered number is not unreached");
    String ministry = get("/api/v1/sms/unreached?district=148", "ministry", "ministry-demo").body();
    assertTrue(ministry.contains("+91XXXXXX0213") && !ministry.contains("7100000213"), ministry);
    assertFalse(ministry.contains("Anil Yadav"), ministry);
    assertEquals(
        0,
        json(get("/api/v1/sms/unreached?district=148", "pune-district", "pune-demo"))
            .get("count")
            .asInt());
    HttpResponse<String> railways = get("/api/v1/sms/unreached", "railways", "railways-demo");
    assertEquals(403, railways.statusCode());
    assertTrue(railways.body().contains("SMS_NOT_PERMITTED"), railways.body());
    String csv =
        get("/api/v1/sms/unreached?district=148&format=csv", "gkp-district", "gkp-demo").body();
    assertTrue(csv.startsWith("district_code,mobile,names,"), csv);
    assertTrue(csv.contains("+917100000213"), csv);

    JsonNode stats = json(get("/api/v1/sms/stats", "ministry", "ministry-demo"));
    assertEquals("on", stats.get("sending").asText());
    assertTrue(stats.path("by_template").path("manifest.issued").path("DELIVERED").asInt() >= 2);

    // The outbox in Delta, through governed SQL: the ministry counts, and sees numbers cut.
    platform.awaitSmsLanded();
    HttpResponse<String> sql =
        post(
            "/api/v1/sql",
            JSON.writeValueAsString(
                Map.of(
                    "sql",
                    "SELECT mobile, status FROM sms_outbox WHERE district_code = 148"
                        + " AND template_key = 'manifest.issued'",
                    "format",
                    "json")),
            "ministry",
            "ministry-demo");
    assertEquals(200, sql.statusCode(), sql.body());
    assertTrue(sql.body().contains("+91XXXXXX0213"), sql.body());
    assertTrue(sql.body().contains("UNDELIVERED"), sql.body());
    assertFalse(sql.body().contains("7100000213"), sql.body());
  }

  @Test
  void forgedOrUnsignedReceiptsAreRefusedAndChangeNothing() throws Exception {
    List<String> ids =
        registerAs("mh-state", "mh-demo", traveller("SMS-F1", "7100000301", "Meena", "0"));
    manifestTrain(ids, "05112");
    triggers.awaitPlanned();
    await(() -> status("+917100000301") == SmsStatus.DELIVERED);
    OutboxMessage m = message("+917100000301");
    String url = "http://127.0.0.1:" + port + "/api/v1/sms/status";
    Map<String, String> params = new TreeMap<>();
    params.put("MessageSid", m.sid());
    params.put("MessageStatus", "failed");
    params.put("ErrorCode", "30008");
    assertEquals(403, TWILIO.post(url, params, null));
    assertEquals(403, TWILIO.post(url, params, TwilioStub.signature("not-the-token", url, params)));
    // Signed for another URL: refused too.
    assertEquals(
        403,
        TWILIO.post(
            url, params, TwilioStub.signature(TwilioStub.AUTH_TOKEN, url + "?x=1", params)));
    assertEquals(SmsStatus.DELIVERED, message("+917100000301").status());
    // The genuine article is taken (a late "sent" after "delivered" does not undo it).
    params.put("MessageStatus", "sent");
    params.remove("ErrorCode");
    assertEquals(
        204, TWILIO.post(url, params, TwilioStub.signature(TwilioStub.AUTH_TOKEN, url, params)));
    assertEquals(SmsStatus.DELIVERED, message("+917100000301").status());
  }

  @Test
  void stopOptsTheNumberOutOfLaterMessages() throws Exception {
    List<String> ids =
        registerAs("mh-state", "mh-demo", traveller("SMS-S1", "7100000401", "Kamla", "0"));
    String request = manifestTrain(ids, "05113");
    triggers.awaitPlanned();
    await(() -> status("+917100000401") == SmsStatus.DELIVERED);
    String inbound = "http://127.0.0.1:" + port + "/api/v1/sms/inbound";
    Map<String, String> stop = new TreeMap<>();
    stop.put("From", "+917100000401");
    stop.put("Body", " stop ");
    stop.put("MessageSid", "SMin0001");
    assertEquals(403, TWILIO.post(inbound, stop, "forged"));
    assertEquals(
        204,
        TWILIO.post(inbound, stop, TwilioStub.signature(TwilioStub.AUTH_TOKEN, inbound, stop)));
    assertEquals(
        200,
        post(path(request, "cancel"), "{\"reason\": \"train withdrawn\"}", "mh-state", "mh-demo")
            .statusCode());
    triggers.awaitPlanned();
    await(
        () ->
            sender.all().stream()
                .anyMatch(
                    m ->
                        m.to().equals("+917100000401")
                            && m.templateKey().equals("request.cancelled")));
    OutboxMessage cancel =
        sender.all().stream()
            .filter(
                m -> m.to().equals("+917100000401") && m.templateKey().equals("request.cancelled"))
            .findFirst()
            .orElseThrow();
    assertEquals(SmsStatus.OPTED_OUT, cancel.status());
    Thread.sleep(300);
    assertEquals(1, to("+917100000401").size(), "nothing sent after STOP");
  }

  @Test
  void healthFollowUpNeedsAPurposeAndIsSentOnce() throws Exception {
    List<String> ids =
        registerAs(
            "mh-state",
            "mh-demo",
            traveller("SMS-H1", "7100000501", "Index Case", "0"),
            traveller("SMS-H2", "7100000502", "Neighbour One", "0"));
    manifestTrain(ids, "05114");
    JsonNode job =
        json(
            post(
                "/api/v1/tracing/bulk",
                "{\"index_cases\": [\"7100000501\"], \"purpose\": \"CLUSTER-SMS\"}",
                "health",
                "health-demo"));
    String jobId = job.get("job_id").asText();
    await(
        () -> {
          try {
            return json(get("/api/v1/tracing/bulk/" + jobId, "health", "health-demo"))
                .get("state")
                .asText()
                .equals("DONE");
          } catch (Exception e) {
            return false;
          }
        });
    String at = "/api/v1/tracing/bulk/" + jobId + "/sms";
    HttpResponse<String> noPurpose = post(at, "{}", "health", "health-demo");
    assertEquals(400, noPurpose.statusCode(), noPurpose.body());
    JsonNode first = json(post(at, "{\"purpose\": \"CLUSTER-SMS\"}", "health", "health-demo"));
    assertTrue(first.path("messages_added").asInt() >= 1, first.toString());
    JsonNode again = json(post(at, "{\"purpose\": \"CLUSTER-SMS\"}", "health", "health-demo"));
    assertEquals(0, again.get("messages_added").asInt(), again.toString());
    await(() -> to("+917100000502").stream().anyMatch(r -> r.body().contains("NMIS स्वास्थ्य")));
  }

  private static org.nmis.model.registration.RegistrationInput traveller(
      String recordId, String mobile, String name, String accompanying) {
    return RegistrationFixtures.ramFromPuneToGorakhpur()
        .set(Field.SOURCE_STATE_CODE, (String) null)
        .set(Field.SOURCE_RECORD_ID, recordId)
        .set(Field.MOBILE, mobile)
        .set(Field.NAME, name)
        .set(Field.AADHAAR, null)
        .set(Field.PERSONS_ACCOMPANYING, accompanying)
        .set(Field.GROUP_REF, null)
        .build();
  }

  private static List<TwilioStub.Received> to(String number) {
    return TWILIO.received().stream().filter(r -> number.equals(r.to())).toList();
  }

  private static boolean stubGot(String number) {
    return !to(number).isEmpty();
  }

  private OutboxMessage message(String number) {
    return sender.all().stream()
        .filter(m -> m.to().equals(number) && m.templateKey().startsWith("manifest."))
        .findFirst()
        .orElseThrow();
  }

  private SmsStatus status(String number) {
    return sender.all().stream()
        .filter(m -> m.to().equals(number) && m.templateKey().startsWith("manifest."))
        .map(OutboxMessage::status)
        .findFirst()
        .orElse(null);
  }

  private static JsonNode find(JsonNode rows, String mobile) {
    for (JsonNode r : rows) {
      if (r.get("mobile").asText().equals(mobile)) {
        return r;
      }
    }
    return null;
  }

  /** Polls for up to 30 s. */
  private static void await(BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    assertTrue(condition.getAsBoolean(), "not reached within 30 s");
  }
}
