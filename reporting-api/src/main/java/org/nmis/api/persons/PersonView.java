package org.nmis.api.persons;

import java.time.Instant;
import java.time.LocalDate;
import org.nmis.api.security.Jurisdiction;
import org.nmis.api.security.NmisUser;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;

/**
 * A person's registration as the API shows it: names of places resolved, the mobile masked for roles that do not
 * call people, the Aadhaar number only as its last four digits (the token never leaves the warehouse).
 */
public record PersonView(
    String personId,
    int sourceStateCode,
    String sourceRecordId,
    String name,
    int age,
    String gender,
    String mobile,
    String aadhaarLast4,
    Place origin,
    Place destination,
    LocalDate travelDate,
    String mode,
    int personsAccompanying,
    String groupRef,
    String category,
    String vehicleRef,
    int version,
    String createdBy,
    Instant createdAt,
    Instant updatedAt) {

  public record Place(int stateCode, String stateName, int districtCode, String districtName) {}

  public static PersonView of(StoredRegistration s, NmisUser viewer, ReferenceData reference) {
    Registration r = s.registration();
    return new PersonView(s.personId().value(), r.sourceStateCode(), r.sourceRecordId(), r.name(), r.age(),
        r.gender().name(), Jurisdiction.seesFullMobile(viewer) ? r.mobile() : MobileNumbers.mask(r.mobile()),
        r.aadhaarLast4(), place(r.originStateCode(), r.originDistrictCode(), reference),
        place(r.destinationStateCode(), r.destinationDistrictCode(), reference), r.travelDate(), r.mode().name(),
        r.personsAccompanying(), r.groupRef(), r.category() == null ? null : r.category().name(), r.vehicleRef(),
        s.version(), s.createdBy(), s.createdAt(), s.updatedAt());
  }

  private static Place place(int state, int district, ReferenceData reference) {
    return new Place(state, reference.state(state).map(x -> x.name()).orElse(null), district,
        reference.district(district).map(x -> x.name()).orElse(null));
  }
}
