package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * {@code exposures}: who shared a train with whom, as SQL sees the exposure graph the tracing index
 * holds. A view over {@code manifests} (seated travellers of requests that were not cancelled), so
 * it is never stale and never stored twice: one row per registrant, co-travelling registrant and
 * shared train, with the strongest level (same bay, same coach, same train). Exposures by bus or by
 * vehicle reference are answered by the tracing API only.
 */
public final class ExposuresView {
  public static final String NAME = "exposures";

  public static final StructType SCHEMA =
      new StructType()
          .add(
              required(
                  "person_id", STRING, "the registrant (their party: them and those with them)"))
          .add(required("contact_id", STRING, "a registrant whose party shared the train"))
          .add(
              required("level", STRING, "SAME_BAY, SAME_COACH or SAME_TRAIN, the strongest of any"))
          .add(required("request_id", STRING, "the person's movement request on that train"))
          .add(required("train_number", STRING, "the train"))
          .add(required("travel_date", DATE, "its date"));

  public static final ViewDefinition VIEW =
      new ViewDefinition(
          new TableDefinition(
              NAME,
              "Co-travellers by train: person, contact, strongest level, journey, date",
              SCHEMA,
              List.of(),
              Map.of()),
          """
          SELECT person_id, contact_id,
                 CASE min(closeness) WHEN 1 THEN 'SAME_BAY' WHEN 2 THEN 'SAME_COACH'
                      ELSE 'SAME_TRAIN' END AS level,
                 min(request_id) AS request_id, train_number, travel_date
          FROM (
            SELECT a.person_id, b.person_id AS contact_id, a.request_id, a.train_number,
                   a.train_date AS travel_date,
                   CASE WHEN a.coach = b.coach AND a.bay = b.bay THEN 1
                        WHEN a.coach = b.coach THEN 2 ELSE 3 END AS closeness
            FROM manifests a
            JOIN manifests b
              ON a.train_number = b.train_number AND a.train_date = b.train_date
             AND a.person_id <> b.person_id
            JOIN movement_requests ra ON ra.request_id = a.request_id AND ra.status <> 'CANCELLED'
            JOIN movement_requests rb ON rb.request_id = b.request_id AND rb.status <> 'CANCELLED'
            WHERE a.seat_status = 'SEATED' AND b.seat_status = 'SEATED')
          GROUP BY person_id, contact_id, train_number, travel_date""");

  private ExposuresView() {}
}
