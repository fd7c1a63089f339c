package org.nmis.tracing.index;

import java.time.LocalDate;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.exposure.ExposureLevel;

/**
 * Receives an index case's exposures one traveller at a time, without building contacts: for
 * aggregations over thousands of index cases (bulk jobs). A traveller reached two ways on one
 * journey is reported twice. {@code registrant} is, for a seated person, the index's own instance
 * of the person, the same object on every call while they stay seated, so an aggregation may key an
 * identity map by it; it must merge by equality at the end (a person reached through a registration
 * comes as a new instance, as does one removed and indexed again meanwhile).
 */
@FunctionalInterface
public interface ExposureSink {
  /**
   * Companion {@code companion} (0: the registrant) of {@code registrant}'s party, exposed on
   * {@code date}.
   */
  void exposed(PersonId registrant, int companion, ExposureLevel level, LocalDate date);
}
