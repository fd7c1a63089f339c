package org.nmis.tracing.exposure;

import java.time.LocalDate;
import org.nmis.model.ids.PersonId;

/**
 * One row of the {@code contact_index} table: two registrants (each standing for their party) who
 * sat in the same bay or the same coach of a train on a date, {@code personA} before {@code
 * personB} in ID order, with the coach where they were closest. SAME_TRAIN pairs are not rows:
 * every traveller of a train is exposed to every other, which a join of the train's travellers
 * gives without storing 1.4 million pairs per train.
 */
public record ContactEdge(
    String trainNumber,
    LocalDate date,
    PersonId personA,
    PersonId personB,
    ExposureLevel level,
    String coach) {}
