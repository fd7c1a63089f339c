package org.nmis.tracing.bulk;

import java.time.LocalDate;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.exposure.ExposureLevel;

/**
 * One line of a follow-up list: a registrant exposed to at least one index case, with the strongest
 * level over all of them, the index cases met (by person ID), how many travellers of the party were
 * exposed, and whether the person is an index case too (exposed to another one). {@code mobile} is
 * null while the registration is not indexed yet.
 */
public record ExposedPerson(
    PersonId personId,
    String name,
    String mobile,
    int destinationStateCode,
    int destinationDistrictCode,
    int personsAccompanying,
    ExposureLevel level,
    int travellers,
    List<PersonId> indexCasesMet,
    boolean indexCase,
    LocalDate lastExposure,
    LocalDate followUpUntil) {

  public ExposedPerson {
    indexCasesMet = List.copyOf(indexCasesMet);
  }
}
