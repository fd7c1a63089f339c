package org.nmis.model.registration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stored registration by column name, in the order and with the names of the {@code
 * registrations} table: the form the access policy reads, so that a REST answer and governed SQL
 * apply one rule to the same columns. Only the columns the serving model carries are here (not the
 * content hash or the topic position).
 */
public final class RegistrationColumns {
  private RegistrationColumns() {}

  public static Map<String, Object> of(StoredRegistration s) {
    Registration r = s.registration();
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("person_id", s.personId().value());
    row.put("source_state_code", r.sourceStateCode());
    row.put("source_record_id", r.sourceRecordId());
    row.put("name", r.name());
    row.put("age", r.age());
    row.put("gender", r.gender().name());
    row.put("mobile", r.mobile());
    row.put("aadhaar_token", r.aadhaarToken());
    row.put("aadhaar_last4", r.aadhaarLast4());
    row.put("origin_state_code", r.originStateCode());
    row.put("origin_district_code", r.originDistrictCode());
    row.put("destination_state_code", r.destinationStateCode());
    row.put("destination_district_code", r.destinationDistrictCode());
    row.put("travel_date", r.travelDate());
    row.put("mode", r.mode().name());
    row.put("persons_accompanying", r.personsAccompanying());
    row.put("group_ref", r.groupRef());
    row.put("category", r.category() == null ? null : r.category().name());
    row.put("vehicle_ref", r.vehicleRef());
    row.put("version", s.version());
    row.put("created_by", s.createdBy());
    row.put("created_at", s.createdAt());
    row.put("updated_by", s.updatedBy());
    row.put("updated_at", s.updatedAt());
    return row;
  }
}
