package org.nmis.model.registration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A registration exactly as a state sent it (a JSON message, an API element or a file row): every
 * value is text, nothing is checked yet. Keys that are not fields of the model, and values that are
 * not plain text or numbers, are kept aside so that validation can report them.
 */
public record RegistrationInput(
    Map<Field, String> values, List<String> unknownFields, List<String> nonTextFields) {

  public RegistrationInput {
    EnumMap<Field, String> copy = new EnumMap<>(Field.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
    unknownFields = List.copyOf(unknownFields);
    nonTextFields = List.copyOf(nonTextFields);
  }

  public String get(Field field) {
    return values.get(field);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.values.putAll(values);
    b.unknown.addAll(unknownFields);
    b.nonText.addAll(nonTextFields);
    return b;
  }

  /** Collects values field by field; also what the JSON and CSV readers use. */
  public static final class Builder {
    private final EnumMap<Field, String> values = new EnumMap<>(Field.class);
    private final List<String> unknown = new ArrayList<>();
    private final List<String> nonText = new ArrayList<>();

    public Builder set(Field field, String value) {
      if (value == null) {
        values.remove(field);
      } else {
        values.put(field, value);
      }
      return this;
    }

    public Builder set(Field field, int value) {
      return set(field, Integer.toString(value));
    }

    public Builder unknownField(String key) {
      unknown.add(key);
      return this;
    }

    public Builder nonTextField(String key) {
      nonText.add(key);
      return this;
    }

    public RegistrationInput build() {
      return new RegistrationInput(values, unknown, nonText);
    }
  }
}
