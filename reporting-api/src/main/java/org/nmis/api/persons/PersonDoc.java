package org.nmis.api.persons;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The contract of a person as a lookup shows it: every key any role may get. The access policy
 * leaves out the keys a role may not see (docs/SECURITY.md), so an answer holds a subset of these.
 * Documentation only: the answer itself is made by PolicyProjection.
 */
public record PersonDoc(
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
    String updatedBy,
    Instant updatedAt) {

  /** A place: LGD codes and names. */
  public record Place(int stateCode, String stateName, int districtCode, String districtName) {}
}
