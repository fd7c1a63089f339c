package org.nmis.warehouse.tables;

import static org.nmis.warehouse.tables.Columns.DATE;
import static org.nmis.warehouse.tables.Columns.INT;
import static org.nmis.warehouse.tables.Columns.STRING;
import static org.nmis.warehouse.tables.Columns.TIMESTAMP;
import static org.nmis.warehouse.tables.Columns.optional;
import static org.nmis.warehouse.tables.Columns.required;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * {@code movement_requests}: one row per inter-state movement request, its current state and the
 * time of each step (so SQL can report the time from request to decision to departure). Landed from
 * the movement log.
 */
public final class MovementRequestsTable {
  public static final String NAME = "movement_requests";

  public static final StructType SCHEMA =
      new StructType()
          .add(required("request_id", STRING, "unique request ID, MR-XXXXX-XXXXX"))
          .add(
              required(
                  "status",
                  STRING,
                  "DRAFT, SUBMITTED, ACCEPTED, PARTIALLY_ACCEPTED, REJECTED, TRAIN_BOOKED,"
                      + " MANIFESTED, DEPARTED, ARRIVED or CANCELLED"))
          .add(required("version", INT, "number of transitions so far; grows by one with each"))
          .add(required("origin_state_code", INT, "LGD state code the people leave"))
          .add(
              optional(
                  "origin_district_code",
                  INT,
                  "LGD district code when a district made the request"))
          .add(required("destination_state_code", INT, "LGD state code asked to take the people"))
          .add(required("proposed_date", DATE, "proposed date of travel"))
          .add(required("mode", STRING, "TRAIN, BUS or OTHER"))
          .add(optional("origin_station", STRING, "railway station code of departure"))
          .add(required("passengers", INT, "registrants on the request"))
          .add(required("persons", INT, "registrants plus persons accompanying them"))
          .add(optional("accepted_passengers", INT, "registrants the destination accepted"))
          .add(
              optional(
                  "accepted_persons",
                  INT,
                  "persons the destination accepted, with those accompanying"))
          .add(
              required(
                  "passenger_ids",
                  new ArrayType(STRING, true),
                  "person IDs of the registrants on the request"))
          .add(
              optional(
                  "accepted_ids",
                  new ArrayType(STRING, true),
                  "person IDs the destination accepted"))
          .add(optional("noc_number", STRING, "the destination's no-objection certificate number"))
          .add(optional("quarantine_capacity", INT, "quarantine places the destination reported"))
          .add(optional("facility_notes", STRING, "the destination's notes on facilities"))
          .add(required("created_by", STRING, "user:role:jurisdiction who created it"))
          .add(required("created_at", TIMESTAMP, "when it was created"))
          .add(optional("submitted_at", TIMESTAMP, "when it was submitted"))
          .add(optional("decided_at", TIMESTAMP, "when the destination decided"))
          .add(optional("booked_at", TIMESTAMP, "when Railways booked the train"))
          .add(
              optional(
                  "manifested_at", TIMESTAMP, "when the coach-level manifest was last generated"))
          .add(optional("departed_at", TIMESTAMP, "when the train departed"))
          .add(optional("arrived_at", TIMESTAMP, "when it arrived"))
          .add(optional("cancelled_at", TIMESTAMP, "when it was cancelled"))
          .add(required("updated_by", STRING, "who made the last transition"))
          .add(required("updated_at", TIMESTAMP, "when the last transition happened"));

  public static final TableDefinition DEFINITION =
      new TableDefinition(
          NAME,
          "Inter-state movement requests: consent, booking, manifest, departure and arrival",
          SCHEMA,
          List.of(),
          Map.of("delta.enableDeletionVectors", "true"));

  private MovementRequestsTable() {}
}
