package org.nmis.uploads;

import java.util.List;
import java.util.stream.Collectors;
import org.nmis.model.registration.Field;

/**
 * The columns a file may carry: the fields a state submits ({@link Field#SUBMITTED}). {@code
 * source_state_code}, {@code aadhaar_token} and {@code aadhaar_last4} are not among them: the
 * uploading state comes from the uploader's login and the tokens are made by the warehouse, so a
 * file naming them is refused.
 */
public final class UploadColumns {
  /** Columns the header must have; the validator reports a blank cell in them as REQUIRED. */
  public static final List<Field> REQUIRED =
      List.of(
          Field.SOURCE_RECORD_ID,
          Field.NAME,
          Field.AGE,
          Field.GENDER,
          Field.MOBILE,
          Field.ORIGIN_STATE_CODE,
          Field.ORIGIN_DISTRICT_CODE,
          Field.DESTINATION_STATE_CODE,
          Field.DESTINATION_DISTRICT_CODE,
          Field.TRAVEL_DATE,
          Field.MODE);

  /** Columns the header may leave out. */
  public static final List<Field> OPTIONAL =
      Field.SUBMITTED.stream().filter(f -> !REQUIRED.contains(f)).toList();

  private UploadColumns() {}

  /**
   * "source_record_id, name, ... (required), aadhaar, ... (optional)": the list quoted in header
   * errors.
   */
  static String describe() {
    return keys(REQUIRED) + " (required), " + keys(OPTIONAL) + " (optional)";
  }

  static String keys(List<Field> fields) {
    return fields.stream().map(Field::key).collect(Collectors.joining(", "));
  }
}
