package org.nmis.sms.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

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
    if (!to.matches("\\+91[6-9][0-9]{9}")) {
      throw new IllegalArgumentException(
          "NMIS-SMS-112: outbox message " + id + " is not to an Indian mobile in +91 form");
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
