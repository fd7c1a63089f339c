package org.nmis.warehouse.registrations;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Category;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;

/** Reads rows of the {@code registrations} table (by column name) back into the model. */
public final class RegistrationRows {
  private RegistrationRows() {}

  public static StoredRegistration toStored(Row r) {
    Registration g =
        new Registration(
            r.<Integer>getAs("source_state_code"),
            r.getAs("source_record_id"),
            r.getAs("name"),
            r.<Integer>getAs("age"),
            Gender.valueOf(r.getAs("gender")),
            r.getAs("mobile"),
            r.getAs("aadhaar_token"),
            r.getAs("aadhaar_last4"),
            r.<Integer>getAs("origin_state_code"),
            r.<Integer>getAs("origin_district_code"),
            r.<Integer>getAs("destination_state_code"),
            r.<Integer>getAs("destination_district_code"),
            r.<LocalDate>getAs("travel_date"),
            TravelMode.valueOf(r.getAs("mode")),
            r.<Integer>getAs("persons_accompanying"),
            r.getAs("group_ref"),
            r.getAs("category") == null ? null : Category.valueOf(r.getAs("category")),
            r.getAs("vehicle_ref"));
    return new StoredRegistration(
        new PersonId(r.getAs("person_id")),
        g,
        r.<Integer>getAs("version"),
        r.getAs("created_by"),
        r.<Instant>getAs("created_at"),
        r.getAs("updated_by"),
        r.<Instant>getAs("updated_at"));
  }
}
