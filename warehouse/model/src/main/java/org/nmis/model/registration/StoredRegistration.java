package org.nmis.model.registration;

import java.time.Instant;
import org.nmis.model.ids.PersonId;

/**
 * A row of the validated {@code registrations} table: the registration under its person ID, with
 * its audit columns.
 */
public record StoredRegistration(
    PersonId personId,
    Registration registration,
    int version,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt) {}
