package org.nmis.sms.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nmis.sms.outbox.OutboxEvent;
import org.nmis.sms.outbox.OutboxLog;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.SmsGateway;
import org.nmis.sms.outbox.SmsSender;
import org.nmis.sms.template.SmsTemplates;
import org.nmis.sms.testing.SmsFixtures;

class SmsAlertsTest {
  private static final int BIHAR = 10;
  private static final int KERALA = 32;
  private final SmsAlerts alerts = new SmsAlerts(SmsTemplates.standard(3), Set.of(BIHAR), 3);
  private final List<OutboxEvent> logged = new ArrayList<>();
  private final SmsSender sender = newSender();

  private SmsSender newSender() {
    return new SmsSender(
        new OutboxLog() {
          @Override
          public void append(OutboxEvent event, List<OutboxMessage> after) {
            logged.add(event);
          }

          @Override
          public List<OutboxEvent> readAll() {
            return List.copyOf(logged);
          }
        },
        new SmsGateway() {
          @Override
          public Outcome send(OutboxMessage message) {
            throw new AssertionError("nothing is sent in these tests");
          }

          @Override
          public List<Found> sentTo(String to, java.time.Instant since) {
            return List.of();
          }
        },
        Clock.fixed(SmsFixtures.T0, ZoneOffset.UTC),
        Duration.ofMinutes(5));
  }

  private static final Journey TRAIN =
      new Journey("MR-1", "04401", LocalDate.of(2020, 5, 21), "Mumbai CST", LocalTime.of(6, 0));

  private static Seat seat(String id, String name, boolean companion, String mobile, int berth) {
    return new Seat(id, name, companion, mobile, "S3", berth, KERALA, 588, "EP-" + id);
  }

  private int plan(Journey j, List<Seat> seats) {
    return sender.enqueueAll(o -> alerts.manifested(j, seats, o, SmsFixtures.T0));
  }

  @Test
  void aFamilySharingOneMobileGetsOneMessageNamingEveryone() {
    List<Seat> seats =
        List.of(
            seat("P1", "Ramesh Kumar", false, "+919876500001", 12),
            seat("P1", null, true, "+919876500001", 13),
            seat("P2", "Sita Devi", false, "+919876500001", 14),
            seat("P3", "Anil", false, "+919876500002", 40));
    assertEquals(2, plan(TRAIN, seats));
    OutboxMessage family =
        sender.all().stream().filter(m -> m.to().endsWith("01")).findFirst().orElseThrow();
    assertEquals(
        "NMIS: Ramesh Kumar +1, Sita Devi: train 04401 on 21 May 2020 from Mumbai CST, coach S3"
            + " berth 12-14. Report by 06:00 with photo ID. E-pass EP-P1",
        family.body());
    assertEquals("P1 P2", family.recipient());
    assertEquals("manifest.issued", family.templateKey());
    assertEquals(588, family.districtCode());
  }

  @Test
  void planningTheSameManifestTwiceAddsNothingAndAChangeIsSentAsAChange() {
    List<Seat> seats = List.of(seat("P1", "Ramesh", false, "+919876500001", 12));
    assertEquals(1, plan(TRAIN, seats));
    assertEquals(0, plan(TRAIN, seats));
    assertEquals(1, plan(TRAIN, List.of(seat("P1", "Ramesh", false, "+919876500001", 30))));
    assertEquals(
        List.of("manifest.changed", "manifest.issued"),
        sender.all().stream().map(OutboxMessage::templateKey).sorted().toList());
    // a restart replays the log: the same plans still add nothing
    SmsSender again = newSender();
    again.recover();
    assertEquals(0, again.enqueueAll(o -> alerts.manifested(TRAIN, seats, o, SmsFixtures.T0)));
    assertEquals(2, again.all().size());
  }

  @Test
  void aCancellationGoesOnlyToNumbersToldOfTheManifestAndOnlyOnce() {
    List<Seat> seats = List.of(seat("P1", "Ramesh", false, "+919876500001", 12));
    plan(TRAIN, seats);
    List<Seat> withLateComer =
        List.of(seats.get(0), seat("P9", "Late", false, "+919876500009", 13));
    assertEquals(
        1, sender.enqueueAll(o -> alerts.cancelled(TRAIN, withLateComer, o, SmsFixtures.T0)));
    assertEquals(
        0, sender.enqueueAll(o -> alerts.cancelled(TRAIN, withLateComer, o, SmsFixtures.T0)));
    OutboxMessage cancel =
        sender.all().stream()
            .filter(m -> m.templateKey().equals("request.cancelled"))
            .findFirst()
            .orElseThrow();
    assertEquals("+919876500001", cancel.to());
  }

  @Test
  void hindiForDevanagariNamesAndForTheConfiguredStates() {
    plan(TRAIN, List.of(seat("P1", "मुकेश प्रसाद", false, "+919876500001", 12)));
    plan(
        TRAIN,
        List.of(new Seat("P2", "Geeta", false, "+919876500002", "S4", 1, BIHAR, 200, "EP-2")));
    assertTrue(sender.all().stream().allMatch(m -> m.language().equals("hi")));
    assertTrue(sender.all().stream().allMatch(m -> m.segments() <= 3));
  }

  @Test
  void longFamiliesAreCutToTheNamesPlaceholder() {
    String names =
        SmsAlerts.joinNames(
            List.of("Ramesh Kumar Yadav", "Sita Devi Yadav", "Anil Kumar", "Sunil Kumar"));
    assertEquals("Ramesh Kumar Yadav and 3 more", names);
    assertTrue(names.length() <= SmsTemplates.PLACEHOLDERS.get("names"));
    assertEquals(
        "12+1",
        SmsAlerts.berths(
            List.of(
                seat("P1", "A", false, "+919876500001", 12),
                seat("P1", null, true, "+919876500001", 20))));
  }

  @Test
  void healthFollowUpOncePerNumberUntilTheLatestDate() {
    List<Contact> contacts =
        List.of(
            new Contact("P1", "Ramesh", "+919876500001", KERALA, 588, LocalDate.of(2020, 6, 1)),
            new Contact("P2", "Sita", "+919876500001", KERALA, 588, LocalDate.of(2020, 6, 3)));
    assertEquals(1, sender.enqueueAll(o -> alerts.followUp("BT-1", contacts, o, SmsFixtures.T0)));
    assertEquals(0, sender.enqueueAll(o -> alerts.followUp("BT-1", contacts, o, SmsFixtures.T0)));
    OutboxMessage m = sender.all().get(0);
    assertTrue(m.body().contains("Ramesh, Sita") && m.body().contains("03 Jun 2020"), m.body());
  }
}
