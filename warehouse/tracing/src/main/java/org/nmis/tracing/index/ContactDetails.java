package org.nmis.tracing.index;

/**
 * What a health team needs to reach a contact. From the registration; for a person whose
 * registration is not indexed yet (a manifest fed first), the name and destination come from the
 * manifest and the mobile is null.
 */
public record ContactDetails(
    String name,
    String mobile,
    int destinationStateCode,
    int destinationDistrictCode,
    int personsAccompanying) {}
