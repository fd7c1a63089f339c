package org.nmis.model.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.nmis.model.ids.PersonId;

/**
 * The one description of a registration row: its columns, in the order and with the names of the
 * {@code registrations} table, how each is read from the model and how the model is read back. The
 * Spark schema (RegistrationsTable), the ingestion job's rows (ParsedMessages), the reader of the
 * table (RegistrationRows), the JSON wire form (RegistrationJson) and the access policy's view of a
 * person all derive from it. The table adds only its own bookkeeping (content hash, topic position)
 * between the data and the audit columns.
 */
public final class RegistrationColumns {
  /** The kind of a column's values; the Spark schema maps each to its type. */
  public enum Kind {
    STRING,
    INT,
    DATE,
    TIMESTAMP
  }

  /** One column: its name (also the field's key on the wire), kind, nullability and meaning. */
  public record Column(String name, Kind kind, boolean nullable, String comment) {}

  /** The key of the row and the state's own key of the record. */
  public static final List<Column> KEYS =
      List.of(
          required("person_id", Kind.STRING, "unique person ID, XXXXX-XXXXX with a check symbol"),
          required(
              "source_state_code", Kind.INT, "LGD code of the state that registered the person"),
          required("source_record_id", Kind.STRING, "the registering state's own record ID"));

  /** The registration's own values, in table order: what a correction may change. */
  public static final List<Column> DATA =
      List.of(
          required("name", Kind.STRING, "name as registered, any script, spaces normalised"),
          required("age", Kind.INT, "age in years, 0-120"),
          required("gender", Kind.STRING, "M, F, T or U"),
          required("mobile", Kind.STRING, "mobile number, +91XXXXXXXXXX"),
          optional(
              "aadhaar_token",
              Kind.STRING,
              "HMAC-SHA256 token of the Aadhaar number; never the number"),
          optional("aadhaar_last4", Kind.STRING, "last four digits of the Aadhaar number"),
          required("origin_state_code", Kind.INT, "LGD state code of origin"),
          required("origin_district_code", Kind.INT, "LGD district code of origin"),
          required("destination_state_code", Kind.INT, "LGD state code of destination"),
          required("destination_district_code", Kind.INT, "LGD district code of destination"),
          required("travel_date", Kind.DATE, "date of travel"),
          required("mode", Kind.STRING, "TRAIN, BUS or OTHER"),
          required(
              "persons_accompanying", Kind.INT, "persons travelling with the registrant, 0-20"),
          optional("group_ref", Kind.STRING, "shared by people travelling together"),
          optional("category", Kind.STRING, "LABOUR, STUDENT, TOURIST, PILGRIM or OTHER"),
          optional("vehicle_ref", Kind.STRING, "train or bus number when known"));

  /** Who submitted the first and the current version, and when they were ingested. */
  public static final List<Column> AUDIT =
      List.of(
          required("version", Kind.INT, "1 when created, +1 with each correction"),
          required("created_by", Kind.STRING, "who submitted the first version"),
          required("created_at", Kind.TIMESTAMP, "when the first version was ingested"),
          required("updated_by", Kind.STRING, "who submitted the current version"),
          required("updated_at", Kind.TIMESTAMP, "when the current version was ingested"));

  /** Every column the serving model carries, in table order. */
  public static final List<Column> SERVED =
      Stream.of(KEYS, DATA, AUDIT).flatMap(List::stream).toList();

  private RegistrationColumns() {}

  /**
   * The values of {@link #DATA} for this registration, in order (enums by name, dates as dates).
   */
  public static Object[] dataValues(Registration r) {
    return new Object[] {
      r.name(),
      r.age(),
      r.gender().name(),
      r.mobile(),
      r.aadhaarToken(),
      r.aadhaarLast4(),
      r.originStateCode(),
      r.originDistrictCode(),
      r.destinationStateCode(),
      r.destinationDistrictCode(),
      r.travelDate(),
      r.mode().name(),
      r.personsAccompanying(),
      r.groupRef(),
      r.category() == null ? null : r.category().name(),
      r.vehicleRef()
    };
  }

  /** A stored registration by column name, every {@link #SERVED} column in table order. */
  public static Map<String, Object> of(StoredRegistration s) {
    Registration r = s.registration();
    List<Object> values = new ArrayList<>(SERVED.size());
    values.add(s.personId().value());
    values.add(r.sourceStateCode());
    values.add(r.sourceRecordId());
    values.addAll(Arrays.asList(dataValues(r)));
    values.add(s.version());
    values.add(s.createdBy());
    values.add(s.createdAt());
    values.add(s.updatedBy());
    values.add(s.updatedAt());
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < SERVED.size(); i++) {
      row.put(SERVED.get(i).name(), values.get(i));
    }
    return row;
  }

  /** Reads a stored registration back from its columns, as a table reader gives them by name. */
  public static StoredRegistration stored(Function<String, Object> column) {
    Object category = column.apply("category");
    Registration r =
        new Registration(
            (Integer) column.apply("source_state_code"),
            (String) column.apply("source_record_id"),
            (String) column.apply("name"),
            (Integer) column.apply("age"),
            Gender.valueOf((String) column.apply("gender")),
            (String) column.apply("mobile"),
            (String) column.apply("aadhaar_token"),
            (String) column.apply("aadhaar_last4"),
            (Integer) column.apply("origin_state_code"),
            (Integer) column.apply("origin_district_code"),
            (Integer) column.apply("destination_state_code"),
            (Integer) column.apply("destination_district_code"),
            (LocalDate) column.apply("travel_date"),
            TravelMode.valueOf((String) column.apply("mode")),
            (Integer) column.apply("persons_accompanying"),
            (String) column.apply("group_ref"),
            category == null ? null : Category.valueOf((String) category),
            (String) column.apply("vehicle_ref"));
    return new StoredRegistration(
        new PersonId((String) column.apply("person_id")),
        r,
        (Integer) column.apply("version"),
        (String) column.apply("created_by"),
        (Instant) column.apply("created_at"),
        (String) column.apply("updated_by"),
        (Instant) column.apply("updated_at"));
  }

  private static Column required(String name, Kind kind, String comment) {
    return new Column(name, kind, false, comment);
  }

  private static Column optional(String name, Kind kind, String comment) {
    return new Column(name, kind, true, comment);
  }
}
