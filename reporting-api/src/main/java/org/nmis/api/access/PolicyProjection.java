package org.nmis.api.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nmis.governance.policy.AccessPolicy;
import org.nmis.governance.policy.Mask;
import org.nmis.model.access.AccessScope;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.RegistrationColumns;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.movement.request.MovementRequest;
import org.nmis.tracing.bulk.BulkReport;
import org.nmis.tracing.bulk.DistrictList;
import org.nmis.tracing.bulk.ExposedPerson;
import org.nmis.tracing.exposure.Contact;
import org.nmis.tracing.exposure.ContactReport;
import org.nmis.tracing.lookup.TracedPerson;
import org.springframework.stereotype.Component;

/**
 * The one way personal data leaves the REST API: every answer that carries a person, a request, a
 * manifest line or an e-pass is projected here through the access policy (docs/SECURITY.md), the
 * same table governed SQL enforces. A column the policy hides from the caller's role is not in the
 * answer at all; a row outside the caller's jurisdiction is not in it either.
 */
@Component
public class PolicyProjection {
  public static final String REGISTRATIONS = "registrations";
  public static final String MOVEMENT_REQUESTS = "movement_requests";
  public static final String MANIFEST_LINES = "manifest_lines";
  public static final String EPASS_TOKENS = "epass_tokens";
  public static final String UPLOAD_ERRORS = "upload_errors";
  public static final String FOLLOW_UP_LISTS = "follow_up_lists";
  public static final String STATE_SUMMARIES = "state_summaries";
  public static final String NATIONAL_SUMMARIES = "national_summaries";
  public static final String SMS_UNREACHED = "sms_unreached";
  public static final String SMS_STATS = "sms_stats";
  public static final String FORECAST_RUNS = "forecast_runs";

  private final AccessPolicy policy;
  private final ReferenceData reference;

  public PolicyProjection(AccessPolicy policy, ReferenceData reference) {
    this.policy = policy;
    this.reference = reference;
  }

  /**
   * A registration as the API shows it, keyed in camelCase ({@code personId}, ...) with the places'
   * names beside their codes ({@code origin}, {@code destination}); empty if the caller may not see
   * the person.
   */
  public Optional<Map<String, Object>> person(StoredRegistration s, AccessScope caller) {
    return policy.view(REGISTRATIONS, caller, RegistrationColumns.of(s)).map(this::personJson);
  }

  /**
   * A mobile number as this caller may see it: in full, reduced to its last four digits, or not at
   * all (null).
   */
  public String mobile(String normalised, AccessScope caller) {
    return policy
        .rule(REGISTRATIONS, caller.role())
        .map(r -> (String) r.maskOf("mobile").apply(normalised))
        .orElse(null);
  }

  /**
   * A traced person: the registration as the caller may see it (null while it is on its way), and
   * the journeys.
   */
  public Map<String, Object> traced(TracedPerson t, AccessScope caller) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("personId", t.personId().value());
    out.put(
        "registration",
        t.registration() == null ? null : person(t.registration(), caller).orElse(null));
    out.put("journeys", t.journeys());
    return out;
  }

  /**
   * Contacts with the name and mobile the caller may see of each, and only those the caller may see
   * at all.
   */
  public ContactReport contacts(ContactReport report, AccessScope caller) {
    List<Contact> shown = new ArrayList<>(report.contacts().size());
    for (Contact c : report.contacts()) {
      Map<String, Object> row = new HashMap<>();
      row.put("person_id", c.personId().value());
      row.put("name", c.name());
      row.put("mobile", c.mobile());
      row.put("destination_state_code", c.destinationStateCode());
      row.put("destination_district_code", c.destinationDistrictCode());
      policy
          .view(REGISTRATIONS, caller, row)
          .ifPresent(
              v ->
                  shown.add(
                      new Contact(
                          c.personId(),
                          (String) v.get("name"),
                          (String) v.get("mobile"),
                          c.destinationStateCode(),
                          c.destinationDistrictCode(),
                          c.personsAccompanying(),
                          c.level(),
                          c.travellers(),
                          c.exposures(),
                          c.lastExposure(),
                          c.followUpUntil())));
    }
    return new ContactReport(
        report.indexCase(),
        report.from(),
        report.to(),
        report.indexJourneys(),
        report.counts(),
        shown);
  }

  /**
   * Whether the caller may see this movement request (and so act on it, if the workflow lets their
   * role).
   */
  public boolean sees(MovementRequest r, AccessScope caller) {
    return policy.sees(MOVEMENT_REQUESTS, caller, jurisdiction(r));
  }

  /**
   * One traveller of a manifest; the name only for the people movers. The policy reads the
   * request's jurisdiction codes beside the line; the answer leaves them out, since the manifest
   * states them once.
   */
  public Optional<Map<String, Object>> manifestLine(
      MovementRequest r, Map<String, Object> line, AccessScope caller) {
    return policy
        .view(MANIFEST_LINES, caller, withJurisdiction(r, line))
        .map(
            shown -> {
              shown.keySet().removeAll(jurisdiction(r).keySet());
              return shown;
            });
  }

  /** An e-pass with its signed token, for those who check travellers on and off the train. */
  public Optional<Map<String, Object>> epass(
      MovementRequest r, Map<String, Object> pass, AccessScope caller) {
    return policy.view(EPASS_TOKENS, caller, withJurisdiction(r, pass));
  }

  /**
   * Which rows of {@code od_flows} the caller may count (the serving copy is filtered with the same
   * rule governed SQL applies); 403 FLOWS_NOT_PERMITTED for a role without one.
   */
  public org.nmis.model.serving.FlowIndex.Visibility flows(AccessScope caller) {
    org.nmis.governance.policy.RowFilter rows =
        policy
            .rule("od_flows", caller.role())
            .map(r -> r.rows())
            .orElseThrow(
                () ->
                    new org.nmis.api.errors.ApiException(
                        org.nmis.api.errors.ApiError.FLOWS_NOT_PERMITTED,
                        "role " + caller.role() + " may not read flows"));
    boolean statesOnly =
        Set.of("origin_state_code", "destination_state_code").containsAll(rows.columns());
    return new org.nmis.model.serving.FlowIndex.Visibility(
        f -> rows.test(f::value, caller), statesOnly);
  }

  /** Which rows of return_forecast the caller may see (the rule governed SQL applies). */
  public java.util.function.Predicate<org.nmis.forecast.ForecastRow> forecasts(AccessScope caller) {
    org.nmis.governance.policy.RowFilter rows = forecastRows("return_forecast", caller);
    return f ->
        rows.test(
            column ->
                switch (column) {
                  case "origin_state_code" -> f.corridor().originStateCode();
                  case "destination_state_code" -> f.corridor().destinationStateCode();
                  case "destination_district_code" -> f.corridor().destinationDistrictCode();
                  default -> null;
                },
            caller);
  }

  /** Which rows of quarantine_plan the caller may see (the rule governed SQL applies). */
  public java.util.function.Predicate<org.nmis.forecast.QuarantineRow> quarantine(
      AccessScope caller) {
    org.nmis.governance.policy.RowFilter rows = forecastRows("quarantine_plan", caller);
    return q ->
        rows.test(
            column ->
                switch (column) {
                  case "destination_state_code" -> q.destination().stateCode();
                  case "destination_district_code" -> q.destination().districtCode();
                  default -> null;
                },
            caller);
  }

  private org.nmis.governance.policy.RowFilter forecastRows(String table, AccessScope caller) {
    return policy
        .rule(table, caller.role())
        .map(r -> r.rows())
        .orElseThrow(
            () ->
                new org.nmis.api.errors.ApiException(
                    org.nmis.api.errors.ApiError.FORBIDDEN,
                    "role " + caller.role() + " may not read " + table));
  }

  /** Whether the caller may download the summary of this state (null: the national summary). */
  public boolean seesSummary(Integer stateCode, AccessScope caller) {
    return stateCode == null
        ? policy.sees(NATIONAL_SUMMARIES, caller, Map.of())
        : policy.sees(STATE_SUMMARIES, caller, Map.of("state_code", stateCode));
  }

  /**
   * One line of an SMS unreached list as the caller may see it; empty outside the caller's rows.
   */
  public Optional<Map<String, Object>> smsUnreached(Map<String, Object> row, AccessScope caller) {
    return policy.view(SMS_UNREACHED, caller, row);
  }

  /** Whether the caller counts the messages to this destination district (null: unknown). */
  public boolean countsSms(Integer districtCode, AccessScope caller) {
    Map<String, Object> row = new HashMap<>();
    row.put("district_code", districtCode);
    row.put(
        "state_code",
        districtCode == null
            ? null
            : reference
                .district(districtCode)
                .map(org.nmis.model.reference.District::stateCode)
                .orElse(null));
    return policy.sees(SMS_STATS, caller, row);
  }

  /** Whether the caller's role may ask for the view at all (some row could be visible). */
  public boolean mayRead(String view, AccessScope caller) {
    return policy.rule(view, caller.role()).isPresent();
  }

  /** Whether the caller may see an upload by this uploader: its status and its error report. */
  public boolean seesUpload(AccessScope uploader, AccessScope caller) {
    return policy.sees(UPLOAD_ERRORS, caller, uploadJurisdiction(uploader));
  }

  /**
   * One line of an upload's error report as the caller may see it (the rejected value is what the
   * uploader typed, so it follows the same rule as the rest of the line).
   */
  public Optional<Map<String, Object>> uploadError(
      AccessScope uploader, Map<String, Object> line, AccessScope caller) {
    Map<String, Object> row = uploadJurisdiction(uploader);
    row.putAll(line);
    return policy
        .view(UPLOAD_ERRORS, caller, row)
        .map(
            shown -> {
              shown.keySet().removeAll(uploadJurisdiction(uploader).keySet());
              return shown;
            });
  }

  /**
   * A bulk tracing job's follow-up lists as the caller may see them: persons outside what the
   * caller sees are left out, names and mobiles hidden from the caller are blank.
   */
  public BulkReport followUp(BulkReport report, AccessScope caller) {
    List<DistrictList> lists = new ArrayList<>(report.districts().size());
    for (DistrictList d : report.districts()) {
      List<ExposedPerson> shown = new ArrayList<>(d.persons().size());
      for (ExposedPerson p : d.persons()) {
        policy
            .view(FOLLOW_UP_LISTS, caller, followUpRow(p))
            .ifPresent(
                v ->
                    shown.add(
                        new ExposedPerson(
                            p.personId(),
                            (String) v.get("name"),
                            (String) v.get("mobile"),
                            p.destinationStateCode(),
                            p.destinationDistrictCode(),
                            p.personsAccompanying(),
                            p.level(),
                            p.travellers(),
                            p.indexCasesMet(),
                            p.indexCase(),
                            p.lastExposure(),
                            p.followUpUntil())));
      }
      if (!shown.isEmpty()) {
        lists.add(new DistrictList(d.stateCode(), d.districtCode(), shown));
      }
    }
    return new BulkReport(
        report.from(),
        report.to(),
        report.resolved(),
        report.unresolved(),
        report.indexCases(),
        report.counts(),
        lists);
  }

  private static Map<String, Object> followUpRow(ExposedPerson p) {
    Map<String, Object> row = new HashMap<>();
    row.put("destination_state_code", p.destinationStateCode());
    row.put("destination_district_code", p.destinationDistrictCode());
    row.put("person_id", p.personId().value());
    row.put("name", p.name());
    row.put("mobile", p.mobile());
    row.put("persons_accompanying", p.personsAccompanying());
    row.put("travellers_exposed", p.travellers());
    row.put("exposure_level", p.level().name());
    row.put("index_cases", p.indexCasesMet());
    row.put("is_index_case", p.indexCase());
    row.put("last_exposure", p.lastExposure());
    row.put("follow_up_until", p.followUpUntil());
    return row;
  }

  private static Map<String, Object> uploadJurisdiction(AccessScope uploader) {
    Map<String, Object> codes = new HashMap<>();
    codes.put("source_state_code", uploader.stateCode());
    codes.put("uploader_district_code", uploader.districtCode());
    return codes;
  }

  /**
   * Whether the policy shows this column of this view to the caller's role (for answers built
   * column by column).
   */
  public boolean shows(String view, String column, AccessScope caller) {
    return policy.rule(view, caller.role()).map(r -> r.maskOf(column) != Mask.HIDDEN).orElse(false);
  }

  private Map<String, Object> withJurisdiction(MovementRequest r, Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>(jurisdiction(r));
    out.putAll(row);
    return out;
  }

  private static Map<String, Object> jurisdiction(MovementRequest r) {
    Map<String, Object> codes = new HashMap<>();
    codes.put("request_id", r.id().value());
    codes.put("origin_state_code", r.originStateCode());
    codes.put("origin_district_code", r.originDistrictCode());
    codes.put("destination_state_code", r.destinationStateCode());
    return codes;
  }

  private Map<String, Object> personJson(Map<String, Object> shown) {
    Map<String, Object> out = new LinkedHashMap<>();
    shown.forEach(
        (column, value) -> {
          switch (column) {
            case "origin_state_code",
                "destination_state_code" -> {} // inside origin and destination
            case "origin_district_code" -> out.put("origin", place(shown, "origin"));
            case "destination_district_code" -> out.put("destination", place(shown, "destination"));
            default -> out.put(camelCase(column), value);
          }
        });
    return out;
  }

  private Map<String, Object> place(Map<String, Object> shown, String end) {
    int state = (Integer) shown.get(end + "_state_code");
    int district = (Integer) shown.get(end + "_district_code");
    Map<String, Object> place = new LinkedHashMap<>();
    place.put("stateCode", state);
    place.put("stateName", reference.state(state).map(x -> x.name()).orElse(null));
    place.put("districtCode", district);
    place.put("districtName", reference.district(district).map(x -> x.name()).orElse(null));
    return place;
  }

  static String camelCase(String column) {
    StringBuilder sb = new StringBuilder(column.length());
    boolean upper = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }
}
