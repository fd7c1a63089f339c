package org.nmis.tracing.exposure;

import java.time.LocalDate;
import java.util.List;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.journeys.Journey;

/**
 * The co-travellers of one index case over a date window: the index case's journeys in the window
 * (what was traced), the counts per level (strongest first, so a caller sees the size before the
 * list), then the contacts by level, strongest first, and person ID.
 */
public record ContactReport(
    PersonId indexCase,
    LocalDate from,
    LocalDate to,
    List<Journey> indexJourneys,
    List<LevelCount> counts,
    List<Contact> contacts) {

  public ContactReport {
    indexJourneys = List.copyOf(indexJourneys);
    counts = List.copyOf(counts);
    contacts = List.copyOf(contacts);
  }

  public LevelCount count(ExposureLevel level) {
    return counts.get(level.ordinal());
  }
}
