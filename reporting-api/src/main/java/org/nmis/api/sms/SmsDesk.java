package org.nmis.api.sms;

import com.twilio.rest.api.v2010.account.Message;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nmis.api.access.PolicyProjection;
import org.nmis.api.audit.AuditEvent;
import org.nmis.api.audit.AuditLog;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.PersonId;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.OutboxStats;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.outbox.SmsStatus;
import org.nmis.sms.outbox.Unreached;
import org.springframework.stereotype.Service;

/**
 * What the SMS endpoints do: take Twilio's receipts and replies (genuine ones only), and answer the
 * unreached lists and the counts under the access policy.
 */
@Service
public class SmsDesk {
  /** Replies Twilio and the operators treat as an opt-out. */
  private static final Set<String> STOP_WORDS =
      Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");

  private final SmsSender sender;
  private final SmsCallbacks callbacks;
  private final SmsSending sending;
  private final RegistrationIndex registrations;
  private final PolicyProjection views;
  private final AuditLog audit;
  private final Duration unreachedAfter;
  private final Clock clock = Clock.systemUTC();

  public SmsDesk(
      SmsSender sender,
      SmsCallbacks callbacks,
      SmsSending sending,
      RegistrationIndex registrations,
      PolicyProjection views,
      AuditLog audit,
      NmisProperties p) {
    this.sender = sender;
    this.callbacks = callbacks;
    this.sending = sending;
    this.registrations = registrations;
    this.views = views;
    this.audit = audit;
    this.unreachedAfter = p.sms().unreachedAfter();
  }

  /** A status callback: records the message's new state. 403 unless Twilio signed it. */
  public void receipt(Map<String, String> params, String signature) {
    long t0 = System.nanoTime();
    check(callbacks.statusUrl(), params, signature, "sms.status", t0);
    String sid = params.get("MessageSid");
    SmsStatus status = status(params.get("MessageStatus"));
    if (sid != null && status != null) {
      String code = params.get("ErrorCode");
      sender.report(sid, status, code == null || code.isBlank() ? null : code);
    }
  }

  /** An incoming reply: STOP and its synonyms opt the number out. 403 unless Twilio signed it. */
  public void inbound(Map<String, String> params, String signature) {
    long t0 = System.nanoTime();
    check(callbacks.inboundUrl(), params, signature, "sms.inbound", t0);
    String body = params.getOrDefault("Body", "").strip().toUpperCase(Locale.ROOT);
    String from = MobileNumbers.normalise(params.getOrDefault("From", "")).orElse(null);
    if (from != null && STOP_WORDS.contains(body)) {
      sender.optOut(from);
    }
  }

  /** One number to call, as the caller may see it. */
  public List<Map<String, Object>> unreached(AccessScope caller, Integer district) {
    if (!views.mayRead(PolicyProjection.SMS_UNREACHED, caller)) {
      throw new ApiException(
          ApiError.SMS_NOT_PERMITTED,
          "role "
              + caller.role()
              + " may not read unreached lists; they are for the destination district's nodal"
              + " officers and the ministry");
    }
    List<OutboxMessage> messages =
        sender.all().stream()
            .filter(m -> district == null || district.equals(m.districtCode()))
            .toList();
    List<Map<String, Object>> out = new ArrayList<>();
    for (Unreached.Entry e : Unreached.of(messages, clock.instant(), unreachedAfter)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("district_code", e.districtCode());
      row.put("mobile", e.to());
      row.put("names", names(e.recipients()));
      row.put("person_ids", String.join(" ", e.recipients()));
      row.put("messages", e.messages());
      row.put("status", e.lastStatus().name());
      row.put("error_code", e.lastErrorCode());
      row.put("reason", Unreached.reason(e.lastStatus(), e.lastErrorCode()));
      row.put("template_key", e.lastTemplate());
      row.put("updated_at", e.lastUpdate().toString());
      views.smsUnreached(row, caller).ifPresent(out::add);
    }
    return out;
  }

  /** Counts by status and template of the messages the caller may count. */
  public Map<String, Object> stats(AccessScope caller) {
    if (!views.mayRead(PolicyProjection.SMS_STATS, caller)) {
      throw new ApiException(
          ApiError.SMS_NOT_PERMITTED, "role " + caller.role() + " may not read SMS counts");
    }
    OutboxStats s =
        OutboxStats.of(
            sender.all().stream().filter(m -> views.countsSms(m.districtCode(), caller)).toList());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sending", sending.on() ? "on" : "off");
    out.put("messages", s.messages());
    out.put("segments", s.segments());
    out.put("by_status", s.byStatus());
    out.put("by_template", s.byTemplate());
    if (sending.on()) {
      out.put("send_calls", sending.loop().calls());
      out.put("throttled_calls", sending.loop().throttled());
    }
    return out;
  }

  private String names(List<String> personIds) {
    List<String> names = new ArrayList<>();
    for (String id : personIds) {
      PersonId.parse(id)
          .flatMap(registrations::byPersonId)
          .ifPresent(r -> names.add(r.registration().name()));
    }
    return String.join(", ", names);
  }

  private void check(
      String url, Map<String, String> params, String signature, String action, long t0) {
    if (!callbacks.genuine(url, params, signature)) {
      Map<String, String> asked = new LinkedHashMap<>();
      asked.put("signature", signature == null ? "missing" : "invalid");
      asked.put("message_sid", String.valueOf(params.get("MessageSid")));
      audit.record(
          new AuditEvent(
              Instant.now(),
              "twilio-callback",
              "GATEWAY",
              "-",
              action,
              asked,
              0,
              "403 SMS_SIGNATURE_INVALID",
              (System.nanoTime() - t0) / 1_000_000));
      throw new ApiException(
          ApiError.SMS_SIGNATURE_INVALID,
          "the callback's X-Twilio-Signature is "
              + (signature == null ? "missing" : "not Twilio's for " + url)
              + "; only Twilio, signing with the account's auth token, may post here");
    }
  }

  /** A callback's MessageStatus in the outbox's terms; null for a value Twilio does not use. */
  private static SmsStatus status(String twilio) {
    Message.Status s = twilio == null ? null : Message.Status.forValue(twilio);
    return s == null ? null : TwilioGateway.status(s);
  }
}
