package org.nmis.warehouse.registrations;

import org.apache.spark.sql.Row;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.model.registration.StoredRegistration;

/** Reads rows of the {@code registrations} table (by column name) back into the model. */
public final class RegistrationRows {
  private RegistrationRows() {}

  public static StoredRegistration toStored(Row r) {
    return RegistrationColumns.stored(r::getAs);
  }
}
