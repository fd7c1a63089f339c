package org.nmis.api.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SmsGateway;
import org.nmis.sms.outbox.SmsStatus;

/**
 * The outbox's gateway through the Twilio Java SDK: one {@code Message.creator(...).create()} per
 * attempt with the SDK's retries off ({@link OneShotHttpClient}). 429 and 5xx are throttling
 * (nothing was created, try later with backoff); other 4xx refusals are final (Twilio's error code
 * kept); no answer at all is an unknown outcome the outbox resolves through {@link #sentTo}.
 */
public final class TwilioGateway implements SmsGateway {
  private final TwilioRestClient client;
  private final String from;
  private final String messagingServiceSid;
  private final Supplier<URI> statusCallback;
  private final Duration backoff;

  /**
   * @param from the sender number, or empty when {@code messagingServiceSid} picks it
   * @param statusCallback where Twilio posts delivery receipts (asked at each send: the service's
   *     own port is known only once it listens); null for none
   * @param baseUrl empty for Twilio itself, else a Twilio-compatible stub
   */
  public TwilioGateway(
      String accountSid,
      String authToken,
      String from,
      String messagingServiceSid,
      Supplier<URI> statusCallback,
      String baseUrl,
      Duration backoff) {
    this.client =
        new TwilioRestClient.Builder(accountSid, authToken)
            .httpClient(new OneShotHttpClient(baseUrl))
            .build();
    this.from = from == null ? "" : from;
    this.messagingServiceSid = messagingServiceSid == null ? "" : messagingServiceSid;
    this.statusCallback = statusCallback;
    this.backoff = backoff;
  }

  @Override
  public Outcome send(OutboxMessage m) {
    MessageCreator creator =
        messagingServiceSid.isEmpty()
            ? Message.creator(new PhoneNumber(m.to()), new PhoneNumber(from), m.body())
            : Message.creator(new PhoneNumber(m.to()), messagingServiceSid, m.body());
    URI callback = statusCallback == null ? null : statusCallback.get();
    if (callback != null) {
      creator.setStatusCallback(callback);
    }
    try {
      Message sent = creator.create(client);
      return new Accepted(sent.getSid(), status(sent.getStatus()));
    } catch (ApiConnectionException e) {
      return new Unknown(e.getMessage());
    } catch (ApiException e) {
      Integer http = e.getStatusCode();
      if (http == null) {
        return new Unknown(e.getMessage()); // no HTTP answer: the message may exist
      }
      String code = e.getCode() == null ? String.valueOf(http) : String.valueOf(e.getCode());
      if (http != null && (http == 429 || http >= 500)) {
        return new Throttled(code, backoff);
      }
      return new Refused(code);
    }
  }

  @Override
  public List<Found> sentTo(String to, Instant since) {
    List<Found> found = new ArrayList<>();
    for (Message m :
        Message.reader()
            .setTo(new PhoneNumber(to))
            .setDateSentAfter(since.atZone(ZoneOffset.UTC))
            .read(client)) {
      found.add(new Found(m.getSid(), m.getBody(), status(m.getStatus())));
    }
    return found;
  }

  /** Twilio's message states in the outbox's terms. */
  static SmsStatus status(Message.Status s) {
    if (s == null) {
      return SmsStatus.QUEUED;
    }
    return switch (s) {
      case SENT -> SmsStatus.SENT;
      case DELIVERED, READ -> SmsStatus.DELIVERED;
      case UNDELIVERED -> SmsStatus.UNDELIVERED;
      case FAILED, CANCELED -> SmsStatus.FAILED;
      default -> SmsStatus.QUEUED;
    };
  }
}
