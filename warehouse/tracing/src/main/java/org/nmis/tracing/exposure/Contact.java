package org.nmis.tracing.exposure;

import java.time.LocalDate;
import java.util.List;
import org.nmis.model.ids.PersonId;

/**
 * A registrant whose party shared a journey with the index case. {@code level} is the strongest
 * over every exposure; {@code travellers} counts the distinct travellers of the party exposed;
 * {@code exposures} lists each traveller on each shared journey. Name, mobile and destination come
 * from the registration; until the index has the registration (a manifest fed first), the name and
 * destination come from the manifest and the mobile is null.
 */
public record Contact(
    PersonId personId,
    String name,
    String mobile,
    int destinationStateCode,
    int destinationDistrictCode,
    int personsAccompanying,
    ExposureLevel level,
    int travellers,
    List<Exposure> exposures,
    LocalDate lastExposure,
    LocalDate followUpUntil) {

  public Contact {
    exposures = List.copyOf(exposures);
  }
}
