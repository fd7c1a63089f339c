package org.nmis.tracing.bulk;

import java.util.List;

/** One district health team's follow-up list: the exposed persons going to the district, by level and person ID. */
public record DistrictList(int stateCode, int districtCode, List<ExposedPerson> persons) {
  public DistrictList {
    persons = List.copyOf(persons);
  }
}
