package org.nmis.movement.epass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.nmis.model.ids.RequestId;

/**
 * The claims as compact JSON with short keys, so a pass fits a small QR code: v, id (pass), p
 * (traveller), r (request), t (train), d (date), c (coach), b (berth), iat, nbf, exp (epoch
 * seconds).
 */
final class ClaimsJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ClaimsJson() {}

  static byte[] write(EPassClaims c) {
    ObjectNode o =
        MAPPER
            .createObjectNode()
            .put("v", c.version())
            .put("id", c.passId())
            .put("p", c.travellerId())
            .put("r", c.requestId().value())
            .put("t", c.trainNumber())
            .put("d", c.date().toString())
            .put("c", c.coach())
            .put("b", c.berth())
            .put("iat", c.issuedAt().getEpochSecond())
            .put("nbf", c.validFrom().getEpochSecond())
            .put("exp", c.validUntil().getEpochSecond());
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an object node of strings and numbers always serialises", e);
    }
  }

  /** The claims, or empty when the JSON is not claims of a version this code reads. */
  static Optional<EPassClaims> read(byte[] json) {
    try {
      JsonNode o = MAPPER.readTree(json);
      if (o == null
          || !o.isObject()
          || !isInt(o, "v")
          || o.get("v").intValue() != EPassClaims.CURRENT_VERSION
          || !isInt(o, "b")
          || !isLong(o, "iat")
          || !isLong(o, "nbf")
          || !isLong(o, "exp")) {
        return Optional.empty();
      }
      Optional<RequestId> request = RequestId.parse(text(o, "r"));
      if (request.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          new EPassClaims(
              o.get("v").intValue(),
              text(o, "id"),
              text(o, "p"),
              request.get(),
              text(o, "t"),
              LocalDate.parse(text(o, "d")),
              text(o, "c"),
              o.get("b").intValue(),
              Instant.ofEpochSecond(o.get("iat").longValue()),
              Instant.ofEpochSecond(o.get("nbf").longValue()),
              Instant.ofEpochSecond(o.get("exp").longValue())));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isInt(JsonNode o, String key) {
    return o.has(key) && o.get(key).isInt();
  }

  private static boolean isLong(JsonNode o, String key) {
    return o.has(key) && o.get(key).canConvertToLong() && o.get(key).isIntegralNumber();
  }

  /** A text claim; null when absent or not text, which the claims' constructor refuses. */
  private static String text(JsonNode o, String key) {
    JsonNode v = o.get(key);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
