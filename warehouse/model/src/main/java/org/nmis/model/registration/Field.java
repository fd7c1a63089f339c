package org.nmis.model.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields of the standard data model; {@link #key()} is both the CSV header and the JSON key.
 */
public enum Field {
  SOURCE_STATE_CODE("source_state_code"),
  SOURCE_RECORD_ID("source_record_id"),
  NAME("name"),
  AGE("age"),
  GENDER("gender"),
  MOBILE("mobile"),
  AADHAAR("aadhaar"),
  ORIGIN_STATE_CODE("origin_state_code"),
  ORIGIN_DISTRICT_CODE("origin_district_code"),
  DESTINATION_STATE_CODE("destination_state_code"),
  DESTINATION_DISTRICT_CODE("destination_district_code"),
  TRAVEL_DATE("travel_date"),
  MODE("mode"),
  PERSONS_ACCOMPANYING("persons_accompanying"),
  GROUP_REF("group_ref"),
  CATEGORY("category"),
  VEHICLE_REF("vehicle_ref"),
  /** Set only by the warehouse's own API, which tokenises Aadhaar before it publishes. */
  AADHAAR_TOKEN("aadhaar_token"),
  AADHAAR_LAST4("aadhaar_last4");

  private static final Map<String, Field> BY_KEY =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

  /**
   * The columns a state's file or API call carries (the uploading state comes from the caller's
   * identity).
   */
  public static final List<Field> SUBMITTED =
      List.of(
          SOURCE_RECORD_ID,
          NAME,
          AGE,
          GENDER,
          MOBILE,
          AADHAAR,
          ORIGIN_STATE_CODE,
          ORIGIN_DISTRICT_CODE,
          DESTINATION_STATE_CODE,
          DESTINATION_DISTRICT_CODE,
          TRAVEL_DATE,
          MODE,
          PERSONS_ACCOMPANYING,
          GROUP_REF,
          CATEGORY,
          VEHICLE_REF);

  private final String key;

  Field(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Field> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }
}
