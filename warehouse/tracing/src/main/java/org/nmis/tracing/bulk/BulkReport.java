package org.nmis.tracing.bulk;

import java.time.LocalDate;
import java.util.List;
import org.nmis.tracing.exposure.LevelCount;

/**
 * The result of a bulk job: how the inputs resolved (and which did not, with reasons), the counts
 * per level (exposed persons and travellers, strongest first), and the follow-up lists by
 * destination district, in district code order.
 */
public record BulkReport(
    LocalDate from,
    LocalDate to,
    List<ResolvedCase> resolved,
    List<UnresolvedInput> unresolved,
    int indexCases,
    List<LevelCount> counts,
    List<DistrictList> districts) {

  public BulkReport {
    resolved = List.copyOf(resolved);
    unresolved = List.copyOf(unresolved);
    counts = List.copyOf(counts);
    districts = List.copyOf(districts);
  }

  /** Exposed persons over all districts. */
  public int exposedPersons() {
    return districts.stream().mapToInt(d -> d.persons().size()).sum();
  }
}
