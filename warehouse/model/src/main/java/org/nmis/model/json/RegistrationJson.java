package org.nmis.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nmis.model.privacy.AadhaarScrubber;
import org.nmis.model.privacy.AadhaarTokenizer;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.privacy.Verhoeff;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.model.registration.RegistrationInput;

/**
 * The wire form of a registration on topic nmis.registrations.v1: one flat JSON object, keys =
 * field names.
 */
public final class RegistrationJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{64}");

  private RegistrationJson() {}

  /** Reads one message; empty when it is not a JSON object at all. */
  public static Optional<RegistrationInput> read(byte[] json) {
    if (json == null) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      return node instanceof ObjectNode o ? Optional.of(read(o)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads an API request body: a JSON array whose elements are registrations. An element that is
   * not an object comes back empty (and is reported for its position); a body that is not an array
   * at all is refused.
   */
  public static java.util.List<Optional<RegistrationInput>> readArray(byte[] json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the body is not valid JSON: "
              + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                  ? j.getOriginalMessage()
                      + " at line "
                      + (j.getLocation() == null ? "?" : j.getLocation().getLineNr())
                  : e.getMessage()));
    }
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("the body must be a JSON array of registrations");
    }
    java.util.List<Optional<RegistrationInput>> out = new java.util.ArrayList<>(node.size());
    for (JsonNode element : node) {
      out.add(element instanceof ObjectNode o ? Optional.of(read(o)) : Optional.empty());
    }
    return out;
  }

  /** Reads one element of an API request body (a JSON object). */
  public static RegistrationInput read(ObjectNode node) {
    RegistrationInput.Builder b = RegistrationInput.builder();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      Optional<Field> field = Field.byKey(e.getKey());
      JsonNode v = e.getValue();
      if (field.isEmpty()) {
        b.unknownField(e.getKey());
      } else if (v.isNull()) {
        continue;
      } else if (v.isValueNode()) {
        b.set(field.get(), v.isNumber() ? v.numberValue().toString() : v.asText());
      } else {
        b.nonTextField(e.getKey());
      }
    }
    return b.build();
  }

  /**
   * The canonical message for a validated registration, as the API publishes it (Aadhaar
   * tokenised).
   */
  public static byte[] write(Registration r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put(Field.SOURCE_STATE_CODE.key(), r.sourceStateCode());
    o.put(Field.SOURCE_RECORD_ID.key(), r.sourceRecordId());
    // The data columns' names are the fields' keys on the wire; absent values are left out.
    Object[] values = RegistrationColumns.dataValues(r);
    for (int i = 0; i < values.length; i++) {
      String key = RegistrationColumns.DATA.get(i).name();
      if (values[i] instanceof Integer n) {
        o.put(key, n);
      } else if (values[i] != null) {
        o.put(key, values[i].toString());
      }
    }
    return toBytes(o);
  }

  /** A message of raw input values (used by generators and tests that play a state system). */
  public static byte[] write(RegistrationInput in) {
    ObjectNode o = MAPPER.createObjectNode();
    in.values().forEach((f, v) -> o.put(f.key(), v));
    return toBytes(o);
  }

  /**
   * The message as the warehouse may keep it: a clear Aadhaar number is replaced by its token and
   * last four digits; text that is not JSON has every 12-digit run masked.
   */
  public static String sanitized(byte[] json, AadhaarTokenizer tokenizer) {
    return received(json, tokenizer).sanitized();
  }

  /**
   * A message as received: its registration (empty when it is not a JSON object) and its sanitised
   * text.
   */
  public record Received(Optional<RegistrationInput> input, String sanitized) {}

  /**
   * Reads a message once for both uses: validation and the sanitised copy kept in the raw table.
   */
  public static Received received(byte[] json, AadhaarTokenizer tokenizer) {
    if (json == null) {
      return new Received(Optional.empty(), null);
    }
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node instanceof ObjectNode o) {
        RegistrationInput input = read(o);
        JsonNode aadhaar = o.remove(Field.AADHAAR.key());
        if (aadhaar != null && !aadhaar.isNull()) {
          String digits = aadhaar.asText().replace(" ", "").replace("-", "");
          if (digits.length() == 12 && digits.chars().allMatch(Character::isDigit)) {
            String token = tokenizer.token(digits);
            String last4 = AadhaarTokenizer.lastFour(digits);
            o.put(Field.AADHAAR_TOKEN.key(), token);
            o.put(Field.AADHAAR_LAST4.key(), last4);
            if (digits.charAt(0) > '1' && Verhoeff.isValid(digits)) {
              // A valid number is validated by its token: the HMAC runs once per message.
              input =
                  input.toBuilder()
                      .set(Field.AADHAAR, null)
                      .set(Field.AADHAAR_TOKEN, token)
                      .set(Field.AADHAAR_LAST4, last4)
                      .build();
            }
          } else {
            o.put(Field.AADHAAR.key(), AadhaarScrubber.scrub(aadhaar.asText()));
          }
        }
        scrubValues(o);
        return new Received(Optional.of(input), MAPPER.writeValueAsString(o));
      }
      return new Received(
          Optional.empty(),
          AadhaarScrubber.scrub(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return new Received(
          Optional.empty(),
          AadhaarScrubber.scrub(new String(json, java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  private static void scrubValues(ObjectNode o) {
    Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      JsonNode v = e.getValue();
      boolean validMobile =
          e.getKey().equals(Field.MOBILE.key()) && MobileNumbers.normalise(v.asText()).isPresent();
      boolean token =
          e.getKey().equals(Field.AADHAAR_TOKEN.key())
              && v.isTextual()
              && TOKEN.matcher(v.asText()).matches();
      if (v.isValueNode() && !v.isNull() && !validMobile && !token) {
        String text = v.asText();
        String scrubbed = AadhaarScrubber.scrub(text);
        if (!scrubbed.equals(text)) {
          e.setValue(o.textNode(scrubbed));
        }
      } else if (!v.isValueNode()) {
        e.setValue(o.textNode(AadhaarScrubber.scrub(v.toString())));
      }
    }
  }

  private static byte[] toBytes(ObjectNode o) {
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ObjectNode always serialises", e);
    }
  }
}
