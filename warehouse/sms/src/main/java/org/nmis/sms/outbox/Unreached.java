package org.nmis.sms.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers no message reached: every message to the number failed, was undelivered, or was still
 * not delivered {@code after} its creation, so that someone calls the people instead. One entry per
 * number, with the people its messages addressed and the reason of the latest message.
 */
public final class Unreached {
  /** A number to call. {@code reason} is the latest message's status and error code. */
  public record Entry(
      String to,
      List<String> recipients,
      Integer districtCode,
      int messages,
      SmsStatus lastStatus,
      String lastErrorCode,
      String lastTemplate,
      Instant lastUpdate) {}

  private Unreached() {}

  public static List<Entry> of(Collection<OutboxMessage> all, Instant now, Duration after) {
    Map<String, List<OutboxMessage>> byNumber = new LinkedHashMap<>();
    for (OutboxMessage m : all) {
      byNumber.computeIfAbsent(m.to(), k -> new ArrayList<>()).add(m);
    }
    List<Entry> out = new ArrayList<>();
    for (List<OutboxMessage> messages : byNumber.values()) {
      if (messages.stream().allMatch(m -> unreached(m, now, after))) {
        OutboxMessage last =
            messages.stream().max(Comparator.comparing(OutboxMessage::updatedAt)).orElseThrow();
        List<String> recipients =
            messages.stream()
                .flatMap(m -> List.of(m.recipient().split(" ")).stream())
                .distinct()
                .sorted()
                .toList();
        out.add(
            new Entry(
                last.to(),
                recipients,
                last.districtCode(),
                messages.size(),
                last.status(),
                last.errorCode(),
                last.templateKey(),
                last.updatedAt()));
      }
    }
    out.sort(Comparator.comparing(Entry::lastUpdate).thenComparing(Entry::to));
    return out;
  }

  /** Failed for good, or not delivered long after it was made. Opted-out numbers are not called. */
  static boolean unreached(OutboxMessage m, Instant now, Duration after) {
    if (m.body().equals(OutboxMessage.ERASED_TEXT)) {
      return false; // nobody to call about a message whose recipient was erased
    }
    return switch (m.status()) {
      case FAILED, UNDELIVERED -> true;
      case DELIVERED, OPTED_OUT, ERASED -> false;
      default -> !m.createdAt().plus(after).isAfter(now);
    };
  }

  /** Why, in words a caller can use. */
  public static String reason(SmsStatus status, String errorCode) {
    String why =
        switch (errorCode == null ? "" : errorCode) {
          case "30003" -> "handset unreachable or switched off";
          case "30004" -> "message blocked by the receiver";
          case "30005" -> "unknown or inactive number";
          case "30006" -> "landline or unreachable carrier";
          case "30007" -> "filtered by the carrier";
          case "30008" -> "unknown delivery error";
          case "21211", "21614" -> "not a valid mobile number";
          case "21610" -> "the number opted out";
          case "NOT_AT_GATEWAY" -> "never reached the gateway";
          case "" -> "";
          default -> "error " + errorCode;
        };
    String state =
        switch (status) {
          case FAILED -> "failed";
          case UNDELIVERED -> "undelivered";
          case PENDING, SENDING -> "not sent yet";
          default -> "sent, no delivery receipt";
        };
    return why.isEmpty() ? state : state + ": " + why;
  }
}
