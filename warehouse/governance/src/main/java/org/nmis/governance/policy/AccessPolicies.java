package org.nmis.governance.policy;

import static org.nmis.governance.policy.Mask.CLEAR;
import static org.nmis.governance.policy.Mask.HIDDEN;
import static org.nmis.governance.policy.Mask.MOBILE_LAST4;
import static org.nmis.governance.policy.RowFilter.all;
import static org.nmis.governance.policy.RowFilter.callerDistrict;
import static org.nmis.governance.policy.RowFilter.callerState;
import static org.nmis.model.access.Role.AUDITOR;
import static org.nmis.model.access.Role.DISTRICT;
import static org.nmis.model.access.Role.HEALTH;
import static org.nmis.model.access.Role.MINISTRY;
import static org.nmis.model.access.Role.RAILWAYS;
import static org.nmis.model.access.Role.STATE;

import java.util.Set;
import org.nmis.model.access.Role;

/**
 * The project's access policy, documented table by table in docs/SECURITY.md ("The access policy").
 */
public final class AccessPolicies {
  /** Roles whose work is to contact people: they see names and mobile numbers. */
  private static final Set<Role> CONTACT = Set.of(STATE, DISTRICT, HEALTH);

  /**
   * Roles that plan and oversee with counts: names hidden, mobile numbers reduced to the last four
   * digits.
   */
  private static final Set<Role> COUNTING = Set.of(MINISTRY, RAILWAYS, AUDITOR);

  /** Roles that reconcile records with the states' systems and trace who submitted them. */
  private static final Set<Role> RECORD_KEEPERS = Set.of(STATE, DISTRICT, AUDITOR);

  /** Roles that move people: Railways and the two states. */
  private static final Set<Role> PEOPLE_MOVERS = Set.of(RAILWAYS, STATE, DISTRICT);

  private static final Role[] NATIONAL = {MINISTRY, RAILWAYS, HEALTH, AUDITOR};

  private AccessPolicies() {}

  public static AccessPolicy standard() {
    return AccessPolicy.builder()
        .table(
            "registrations",
            HIDDEN,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(
                        callerDistrict("origin_district_code", "destination_district_code"),
                        DISTRICT)
                    .maskForReaders(
                        CLEAR,
                        "person_id",
                        "source_state_code",
                        "age",
                        "gender",
                        "origin_state_code",
                        "origin_district_code",
                        "destination_state_code",
                        "destination_district_code",
                        "travel_date",
                        "mode",
                        "persons_accompanying",
                        "group_ref",
                        "category",
                        "vehicle_ref",
                        "version",
                        "created_at",
                        "updated_at")
                    .maskForReaders(HIDDEN, "aadhaar_token", "content_hash")
                    .mask(CLEAR, CONTACT, "name", "mobile", "aadhaar_last4")
                    .mask(MOBILE_LAST4, COUNTING, "mobile")
                    .mask(CLEAR, RECORD_KEEPERS, "source_record_id", "created_by", "updated_by")
                    .mask(CLEAR, Set.of(AUDITOR), "kafka_partition", "kafka_offset"))
        .table(
            "registration_rejects",
            HIDDEN,
            t ->
                t.rows(all(), MINISTRY, AUDITOR)
                    .rows(callerState("source_state_code"), STATE)
                    .maskForReaders(
                        CLEAR,
                        "topic",
                        "kafka_partition",
                        "kafka_offset",
                        "source_state_code",
                        "error_codes",
                        "submitted_by",
                        "received_at",
                        "received_date")
                    .mask(CLEAR, Set.of(STATE, AUDITOR), "source_record_id")
                    .mask(CLEAR, Set.of(STATE), "payload", "errors"))
        .table(
            "od_flows",
            CLEAR,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(
                        callerDistrict("origin_district_code", "destination_district_code"),
                        DISTRICT))
        .table(
            "state_daily",
            CLEAR,
            t -> t.rows(all(), NATIONAL).rows(callerState("state_code"), STATE, DISTRICT))
        .table("states", CLEAR, t -> t.rows(all(), Role.values()))
        .table("districts", CLEAR, t -> t.rows(all(), Role.values()))
        // The movement workflow's tables: the national roles report on all of them; states and
        // districts see
        // their own requests (the REST API shows them the rest).
        .table(
            "movement_requests",
            CLEAR,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(callerDistrict("origin_district_code"), DISTRICT))
        .table("request_events", CLEAR, t -> t.rows(all(), NATIONAL))
        .table("trains", CLEAR, t -> t.rows(all(), NATIONAL))
        .table("manifests", CLEAR, t -> t.rows(all(), NATIONAL))
        .table("epasses", CLEAR, t -> t.rows(all(), NATIONAL))
        .table("audit_log", CLEAR, t -> t.rows(all(), AUDITOR))
        // Who sat near whom: health teams trace contacts with it, nobody else needs it.
        .table("exposures", CLEAR, t -> t.rows(all(), HEALTH))
        // Answers only the REST API serves. A manifest line names the traveller: Railways run the
        // train with it,
        // and the two states (the origin district too) receive the people; the national roles count
        // berths.
        .restView(
            "manifest_lines",
            HIDDEN,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(callerDistrict("origin_district_code"), DISTRICT)
                    .maskForReaders(
                        CLEAR,
                        "request_id",
                        "origin_state_code",
                        "origin_district_code",
                        "destination_state_code",
                        "traveller",
                        "person_id",
                        "berth",
                        "berth_type",
                        "age",
                        "gender",
                        "destination_district_code",
                        "reason",
                        "detail")
                    .mask(CLEAR, PEOPLE_MOVERS, "name"))
        // A signed e-pass is the traveller's ticket: those who check people on and off the train
        // hold it.
        .restView(
            "epass_tokens",
            HIDDEN,
            t ->
                t.rows(all(), RAILWAYS)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(callerDistrict("origin_district_code"), DISTRICT)
                    .maskForReaders(
                        CLEAR,
                        "pass_id",
                        "traveller_id",
                        "request_id",
                        "train_number",
                        "date",
                        "coach",
                        "berth",
                        "valid_from",
                        "valid_until",
                        "status",
                        "revocation_reason",
                        "token"))
        // An upload's error report repeats the rejected values as they were typed, so that the
        // sheet can be corrected: the uploader's state sees its uploads, a district its own.
        .restView(
            "upload_errors",
            HIDDEN,
            t ->
                t.rows(callerState("source_state_code"), STATE)
                    .rows(callerDistrict("uploader_district_code"), DISTRICT)
                    .maskForReaders(
                        CLEAR, "line", "source_record_id", "field", "code", "value", "message"))
        // The follow-up lists of a bulk tracing job: the health teams call the exposed persons.
        .restView(
            "follow_up_lists",
            HIDDEN,
            t ->
                t.rows(all(), HEALTH)
                    .maskForReaders(
                        CLEAR,
                        "destination_state_code",
                        "destination_district_code",
                        "person_id",
                        "name",
                        "mobile",
                        "persons_accompanying",
                        "travellers_exposed",
                        "exposure_level",
                        "index_cases",
                        "is_index_case",
                        "last_exposure",
                        "follow_up_until"))
        // Return forecasts are counts: the national roles see every corridor, a state the corridors
        // it sends or receives people on, a district the rows of its own destination district.
        .table(
            "return_forecast",
            CLEAR,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("origin_state_code", "destination_state_code"), STATE)
                    .rows(callerDistrict("destination_district_code"), DISTRICT))
        // The quarantine plan is counts per destination district: a state sees its own districts
        // (it declared their places), a district itself.
        .table(
            "quarantine_plan",
            CLEAR,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("destination_state_code"), STATE)
                    .rows(callerDistrict("destination_district_code"), DISTRICT))
        .table("forecast_backtest", CLEAR, t -> t.rows(all(), Role.values()))
        // Running a forecast costs a Spark job over every registration: the ministry's to ask for.
        .restView("forecast_runs", HIDDEN, t -> t.rows(all(), MINISTRY))
        // SMS: the outbox and its events for reporting; bodies name people and quote e-passes, so
        // they stay hidden in SQL. A district's nodal officers see its messages' numbers to call.
        .table(
            "sms_outbox",
            HIDDEN,
            t ->
                t.rows(all(), MINISTRY, AUDITOR)
                    .rows(callerDistrict("district_code"), DISTRICT)
                    .maskForReaders(
                        CLEAR,
                        "message_id",
                        "trigger",
                        "recipient",
                        "template_key",
                        "language",
                        "template_version",
                        "dlt_template_id",
                        "segments",
                        "district_code",
                        "status",
                        "attempts",
                        "sid",
                        "error_code",
                        "created_at",
                        "updated_at",
                        "log_offset")
                    .mask(CLEAR, Set.of(DISTRICT), "mobile")
                    .mask(MOBILE_LAST4, Set.of(MINISTRY, AUDITOR), "mobile"))
        .table(
            "sms_events",
            CLEAR,
            t ->
                t.rows(all(), MINISTRY, AUDITOR)
                    .mask(MOBILE_LAST4, Set.of(MINISTRY, AUDITOR), "mobile"))
        // Whom no SMS reached, to be called instead: the district's nodal officers (numbers and
        // names), the ministry (counts, numbers cut to the last four digits).
        .restView(
            "sms_unreached",
            HIDDEN,
            t ->
                t.rows(all(), MINISTRY)
                    .rows(callerDistrict("district_code"), DISTRICT)
                    .maskForReaders(
                        CLEAR,
                        "district_code",
                        "person_ids",
                        "messages",
                        "status",
                        "error_code",
                        "reason",
                        "template_key",
                        "updated_at")
                    .mask(CLEAR, Set.of(DISTRICT), "mobile", "names")
                    .mask(MOBILE_LAST4, Set.of(MINISTRY), "mobile"))
        // Counts of SMS by status and template: the national roles all, a state or district its
        // own destinations'.
        .restView(
            "sms_stats",
            CLEAR,
            t ->
                t.rows(all(), NATIONAL)
                    .rows(callerState("state_code"), STATE)
                    .rows(callerDistrict("district_code"), DISTRICT))
        // PDF summaries: a state downloads its own; the ministry any state's and the national one.
        // What a summary contains is then read under each table's own rule for the caller.
        .restView(
            "state_summaries",
            HIDDEN,
            t -> t.rows(all(), MINISTRY).rows(callerState("state_code"), STATE))
        .restView("national_summaries", HIDDEN, t -> t.rows(all(), MINISTRY))
        .build();
  }
}
