package org.nmis.tracing.bulk;

import java.util.List;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;

/**
 * One district health team's follow-up list: the exposed persons going to the district, by level
 * and person ID.
 */
public record DistrictList(int stateCode, int districtCode, List<ExposedPerson> persons) {
  public DistrictList {
    persons = List.copyOf(persons);
  }

  /** The LGD name of the district, or empty for a code the reference data does not know. */
  public String districtName() {
    return ReferenceData.get().district(districtCode).map(District::name).orElse("");
  }
}
