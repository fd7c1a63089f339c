package org.nmis.sms.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nmis.sms.outbox.OutboxMessage;
import org.nmis.sms.outbox.OutboxView;
import org.nmis.sms.outbox.SmsStatus;
import org.nmis.sms.template.Segments;
import org.nmis.sms.template.SmsTemplate;
import org.nmis.sms.template.SmsTemplates;

/**
 * Turns what happened (a manifest issued or changed, a request cancelled, a tracing job's contacts)
 * into outbox messages: one per mobile number, naming everyone who shares it. Pure; the outbox is
 * consulted through {@link OutboxView}, so planning again the same event adds nothing.
 *
 * <p>Idempotence: a manifest alert's trigger is {@code manifest:<request>@<digest of what the
 * message tells>}. The same seats give the same trigger and nothing new; different seats (a
 * re-allocation, a new date) give a new trigger, sent as {@code manifest.changed} when the number
 * had a manifest message of this request before, {@code manifest.issued} otherwise.
 *
 * <p>Language: Hindi when any name to address is written in Devanagari, or the travellers go to a
 * state listed in {@code hindiStates}; English otherwise.
 */
public final class SmsAlerts {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final SmsTemplates templates;
  private final Set<Integer> hindiStates;
  private final int maxSegments;

  public SmsAlerts(SmsTemplates templates, Set<Integer> hindiStates, int maxSegments) {
    this.templates = templates;
    this.hindiStates = Set.copyOf(hindiStates);
    this.maxSegments = maxSegments;
  }

  /** The alerts of a manifest (issued, or changed for numbers told of an earlier version). */
  public List<OutboxMessage> manifested(
      Journey j, List<Seat> seats, OutboxView outbox, Instant now) {
    String group = "manifest:" + j.requestId();
    List<OutboxMessage> out = new ArrayList<>();
    for (List<Seat> family : byMobile(seats).values()) {
      Seat first = family.get(0);
      Map<String, String> values = journeyValues(j);
      values.put("coach", first.coach());
      values.put("berth", berths(family));
      values.put("pass", first.passId() == null ? "-" : first.passId());
      String names = names(family);
      String trigger = group + "@" + digest(values + "|" + names);
      if (outbox.has(trigger, first.mobile())) {
        continue;
      }
      String key =
          outbox.inGroup(group, first.mobile()).isEmpty() ? "manifest.issued" : "manifest.changed";
      out.add(message(trigger, family, first.mobile(), key, values, names, now));
    }
    return out;
  }

  /** The cancellation notice to every number told of the request's manifest. */
  public List<OutboxMessage> cancelled(
      Journey j, List<Seat> seats, OutboxView outbox, Instant now) {
    String trigger = "cancel:" + j.requestId();
    List<String> told = outbox.numbersIn("manifest:" + j.requestId());
    List<OutboxMessage> out = new ArrayList<>();
    for (List<Seat> family : byMobile(seats).values()) {
      String to = family.get(0).mobile();
      if (told.contains(to) && !outbox.has(trigger, to)) {
        out.add(
            message(
                trigger, family, to, "request.cancelled", journeyValues(j), names(family), now));
      }
    }
    return out;
  }

  /** The follow-up advice of a tracing job to its exposed contacts, one message per number. */
  public List<OutboxMessage> followUp(
      String jobId, List<Contact> contacts, OutboxView outbox, Instant now) {
    String trigger = "health:" + jobId;
    Map<String, List<Contact>> byMobile = new LinkedHashMap<>();
    for (Contact c : contacts) {
      byMobile.computeIfAbsent(c.mobile(), k -> new ArrayList<>()).add(c);
    }
    List<OutboxMessage> out = new ArrayList<>();
    for (List<Contact> family : byMobile.values()) {
      Contact first = family.get(0);
      if (outbox.has(trigger, first.mobile())) {
        continue;
      }
      LocalDate until = family.stream().map(Contact::until).max(LocalDate::compareTo).orElseThrow();
      List<String> names = family.stream().map(Contact::name).toList();
      Map<String, String> values = new LinkedHashMap<>();
      values.put("until", DATE.format(until));
      String language = language(names, first.destinationStateCode());
      String recipients =
          String.join(" ", family.stream().map(Contact::personId).sorted().toList());
      out.add(
          render(
              trigger,
              recipients,
              first.mobile(),
              "health.followup",
              language,
              values,
              joinNames(names),
              first.destinationDistrictCode(),
              now));
    }
    return out;
  }

  private OutboxMessage message(
      String trigger,
      List<Seat> family,
      String to,
      String key,
      Map<String, String> values,
      String names,
      Instant now) {
    List<String> registrants = family.stream().map(Seat::registrantId).distinct().sorted().toList();
    String language =
        language(
            family.stream().filter(s -> !s.companion()).map(Seat::name).toList(),
            family.get(0).destinationStateCode());
    return render(
        trigger,
        String.join(" ", registrants),
        to,
        key,
        language,
        values,
        names,
        family.get(0).destinationDistrictCode(),
        now);
  }

  private OutboxMessage render(
      String trigger,
      String recipient,
      String to,
      String key,
      String language,
      Map<String, String> values,
      String names,
      int district,
      Instant now) {
    SmsTemplate t =
        templates
            .find(key, language)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "NMIS-SMS-123: no template " + key + " in " + language));
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put("names", names);
    String body = t.render(all);
    if (Segments.count(body) > maxSegments) {
      // A name in a script other than the template's (Bengali in an English text) makes the whole
      // message UCS-2; rather than grow past the limit, address the family by its first ID.
      all.put("names", recipient.split(" ")[0]);
      body = t.render(all);
    }
    return new OutboxMessage(
        OutboxMessage.idOf(trigger, to, key, t.version()),
        trigger,
        recipient,
        key,
        language,
        t.version(),
        t.dltTemplateId(),
        to,
        body,
        Segments.count(body),
        district,
        SmsStatus.PENDING,
        0,
        null,
        null,
        now,
        now);
  }

  private String language(List<String> names, int destinationState) {
    boolean devanagari =
        names.stream()
            .anyMatch(
                n ->
                    n != null
                        && n.codePoints()
                            .anyMatch(
                                c ->
                                    Character.UnicodeScript.of(c)
                                        == Character.UnicodeScript.DEVANAGARI));
    return devanagari || hindiStates.contains(destinationState) ? "hi" : "en";
  }

  private static Map<String, String> journeyValues(Journey j) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("train", j.train());
    values.put("date", DATE.format(j.date()));
    values.put("station", cut(j.station(), SmsTemplates.PLACEHOLDERS.get("station")));
    values.put("time", TIME.format(j.reportBy()));
    return values;
  }

  private static Map<String, List<Seat>> byMobile(List<Seat> seats) {
    Map<String, List<Seat>> out = new LinkedHashMap<>();
    for (Seat s : seats) {
      out.computeIfAbsent(s.mobile(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }

  /**
   * The registrants' names in order, each followed by {@code +N} for the companions travelling with
   * them.
   */
  static String names(List<Seat> family) {
    Map<String, String> nameOf = new LinkedHashMap<>();
    Map<String, Integer> companions = new LinkedHashMap<>();
    for (Seat s : family) {
      if (s.companion()) {
        companions.merge(s.registrantId(), 1, Integer::sum);
      } else {
        nameOf.put(s.registrantId(), s.name());
      }
      nameOf.putIfAbsent(s.registrantId(), null);
    }
    List<String> names = new ArrayList<>();
    nameOf.forEach(
        (id, name) -> {
          int n = companions.getOrDefault(id, 0);
          names.add((name == null ? id : name) + (n > 0 ? " +" + n : ""));
        });
    return joinNames(names);
  }

  /** Names joined with commas, cut to the placeholder's length as "A, B and 3 more". */
  static String joinNames(List<String> names) {
    int max = SmsTemplates.PLACEHOLDERS.get("names");
    for (int shown = names.size(); shown >= 1; shown--) {
      String text = String.join(", ", names.subList(0, shown));
      if (shown < names.size()) {
        text += " and " + (names.size() - shown) + " more";
      }
      if (text.length() <= max) {
        return text;
      }
    }
    String more = names.size() > 1 ? " and " + (names.size() - 1) + " more" : "";
    return cut(names.get(0), max - more.length()) + more;
  }

  /**
   * The family's berths, in manifest order: "12" for one, "12-15" for a run in one coach, else the
   * first and how many more ("12+3"; the e-pass has each).
   */
  static String berths(List<Seat> family) {
    List<Seat> sorted = family; // manifest order: coach by coach, berths ascending
    Seat first = sorted.get(0);
    Seat last = sorted.get(sorted.size() - 1);
    if (sorted.size() == 1) {
      return String.valueOf(first.berth());
    }
    boolean run = first.coach().equals(last.coach());
    for (int i = 1; run && i < sorted.size(); i++) {
      run = sorted.get(i).berth() == sorted.get(i - 1).berth() + 1;
    }
    return run ? first.berth() + "-" + last.berth() : first.berth() + "+" + (sorted.size() - 1);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String digest(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
