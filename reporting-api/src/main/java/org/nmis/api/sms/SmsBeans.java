package org.nmis.api.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.nmis.api.config.NmisProperties;
import org.nmis.api.platform.WarehousePlatform;
import org.nmis.ingestion.kafka.SmsOutboxLog;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.serving.RegistrationIndex;
import org.nmis.movement.service.MovementService;
import org.nmis.sms.alerts.SmsAlerts;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SendLoop;
import org.nmis.sms.outbox.SmsGateway;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.template.SmsTemplates;
import org.nmis.sms.triggers.SmsTriggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires SMS alerts: the templates (checked against the segment limit here, at start-up), the outbox
 * on its Kafka log (replayed on start: messages a crash left SENDING are resolved at Twilio before
 * anything is sent), the triggers on the movement workflow, and, when Twilio is configured, the
 * sender loop. Without Twilio the outbox still fills and lands; nothing leaves.
 */
@Configuration
public class SmsBeans {
  private static final Logger LOG = LoggerFactory.getLogger(SmsBeans.class);

  @Bean
  SmsTemplates smsTemplates(NmisProperties p) {
    return SmsTemplates.standard(p.sms().maxSegments());
  }

  @Bean(destroyMethod = "close")
  SmsOutboxLog smsOutboxLog(WarehousePlatform platform, NmisProperties p) {
    return new SmsOutboxLog(platform.bootstrapServers(), p.sms().topic());
  }

  /** Where receipts are posted and checked: configured, or this service on loopback. */
  @Bean
  SmsCallbacks smsCallbacks(NmisProperties p, Environment env) {
    return new SmsCallbacks(p.sms().statusCallbackUrl(), p.sms().twilio().authToken(), env);
  }

  @Bean
  SmsSender smsSender(
      SmsOutboxLog log,
      NmisProperties p,
      SmsCallbacks callbacks,
      org.nmis.model.privacy.PersonErasure erasure) {
    NmisProperties.Twilio t = p.sms().twilio();
    SmsGateway gateway =
        t.configured()
            ? new TwilioGateway(
                t.accountSid(),
                t.authToken(),
                t.from(),
                t.messagingServiceSid(),
                () -> URI.create(callbacks.statusUrl()),
                t.baseUrl(),
                p.sms().backoff())
            : new SmsGateway() {
              @Override
              public Outcome send(OutboxMessage message) {
                throw new IllegalStateException("NMIS-SMS-125: Twilio is not configured");
              }

              @Override
              public java.util.List<Found> sentTo(String to, java.time.Instant since) {
                return java.util.List.of();
              }
            };
    SmsSender sender = new SmsSender(log, gateway, Clock.systemUTC(), p.sms().settle());
    long t0 = System.nanoTime();
    if (t.configured()) {
      sender.recover();
    } else {
      sender.rebuild();
    }
    // An erased person's messages lose their text and number (an event in the SMS log).
    erasure.addFollower(person -> sender.erase(person.personId().value()));
    LOG.info(
        "sms outbox: {} messages replayed in {} ms; sending {}",
        sender.all().size(),
        (System.nanoTime() - t0) / 1_000_000,
        t.configured()
            ? "through Twilio" + (t.baseUrl().isBlank() ? "" : " at " + t.baseUrl() + " (stub)")
            : "off (nmis.sms.twilio.* not set)");
    return sender;
  }

  @Bean(destroyMethod = "close")
  SmsSending smsSending(SmsSender sender, NmisProperties p) {
    NmisProperties.Sms s = p.sms();
    if (!s.twilio().configured()) {
      return new SmsSending(null);
    }
    Duration resolveEvery =
        s.settle().dividedBy(2).compareTo(Duration.ofSeconds(10)) < 0
            ? s.settle().dividedBy(2)
            : Duration.ofSeconds(10);
    return new SmsSending(
        new SendLoop(sender, s.rate(), s.backoff(), s.maxBackoff(), resolveEvery).start());
  }

  @Bean(destroyMethod = "close")
  SmsTriggers smsTriggers(
      SmsSender sender,
      SmsTemplates templates,
      MovementService movement,
      RegistrationIndex registrations,
      ReferenceData reference,
      NmisProperties p) {
    SmsTriggers triggers =
        new SmsTriggers(
            sender,
            new SmsAlerts(templates, Set.copyOf(p.sms().hindiStates()), p.sms().maxSegments()),
            movement,
            registrations::byPersonId,
            reference,
            p.sms().reportingTime(),
            Clock.systemUTC());
    movement.addManifestListener(triggers);
    return triggers;
  }
}
