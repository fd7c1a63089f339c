package org.nmis.sms.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * One intended SMS: who gets it ({@code to}, E.164), what it says, why ({@code trigger}, e.g. the
 * manifest that put it here) and where it stands. {@code id} is derived from trigger, recipient,
 * template and version, so a trigger fired twice adds nothing. {@code districtCode} is the
 * recipients' destination district, for the unreached lists of its nodal officers.
 */
public record OutboxMessage(
    String id,
    String trigger,
    String recipient,
    String templateKey,
    String language,
    int templateVersion,
    String dltTemplateId,
    String to,
    String body,
    int segments,
    Integer districtCode,
    SmsStatus status,
    int attempts,
    String sid,
    String errorCode,
    Instant createdAt,
    Instant updatedAt) {

  public OutboxMessage {
    if (id == null || trigger == null || recipient == null || to == null || body == null) {
      throw new IllegalArgumentException(
          "NMIS-SMS-111: an outbox message needs an ID, a trigger, a recipient, a number and a body");
    }
    if (!to.matches("\\+91[6-9][0-9]{9}") && !to.matches("\\+91X{6}[0-9]{4}")) {
      throw new IllegalArgumentException(
          "NMIS-SMS-112: outbox message "
              + id
              + " is not to an Indian mobile in +91 form (or masked, +91XXXXXX1234, after an erasure)");
    }
    if (status == null || createdAt == null || updatedAt == null) {
      throw new IllegalArgumentException("NMIS-SMS-113: outbox message " + id + " needs a status");
    }
  }

  /**
   * The stable ID of the message a trigger makes for a recipient with a template version: the same
   * inputs always give the same ID (SHA-256, 20 hex digits).
   */
  public static String idOf(String trigger, String recipient, String templateKey, int version) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest =
          sha.digest(
              (trigger + "\n" + recipient + "\n" + templateKey + "\n" + version)
                  .getBytes(StandardCharsets.UTF_8));
      return "SMS-" + HexFormat.of().formatHex(digest, 0, 10);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The text of a message whose recipient was erased. */
  public static final String ERASED_TEXT = "(erased)";

  /** The person IDs the message addresses ({@code recipient} is them, space-separated). */
  public List<String> recipients() {
    return List.of(recipient.split(" "));
  }

  /**
   * This message after {@code personId} was erased: the text goes (it names the family); the number
   * is masked when nobody else it addresses is left; not yet handed over, it is never sent.
   */
  OutboxMessage erasing(String personId, Instant at) {
    boolean alone = recipients().stream().allMatch(personId::equals);
    SmsStatus s = status.handedOver() || status.isFinal() ? status : SmsStatus.ERASED;
    return new OutboxMessage(
        id,
        trigger,
        recipient,
        templateKey,
        language,
        templateVersion,
        dltTemplateId,
        alone ? "+91XXXXXX" + to.substring(to.length() - 4) : to,
        ERASED_TEXT,
        segments,
        districtCode,
        s,
        attempts,
        sid,
        s == SmsStatus.ERASED ? "erased" : errorCode,
        createdAt,
        at);
  }

  OutboxMessage with(SmsStatus s, int tries, String newSid, String error, Instant at) {
    return new OutboxMessage(
        id,
        trigger,
        recipient,
        templateKey,
        language,
        templateVersion,
        dltTemplateId,
        to,
        body,
        segments,
        districtCode,
        s,
        tries,
        newSid,
        error,
        createdAt,
        at);
  }
}
