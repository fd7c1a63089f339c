package org.nmis.governance.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.governance.testing.WarehouseFixtures.AUDITOR;
import static org.nmis.governance.testing.WarehouseFixtures.HEALTH;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE_DISTRICT;
import static org.nmis.governance.testing.WarehouseFixtures.RAILWAYS;
import static org.nmis.governance.testing.WarehouseFixtures.UP_STATE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nmis.governance.testing.FixtureRows;
import org.nmis.governance.testing.WarehouseFixtures;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;

/**
 * The standard policy, written out by hand on the fixture rows. GovernedSqlOnSparkTest shows that
 * governed SQL returns exactly what this Java form returns, for every role and table.
 */
class StandardPolicyTest {
  private static final AccessPolicy POLICY = AccessPolicies.standard();

  @Test
  void itFitsTheWarehouseCatalog() {
    POLICY.verify(WarehouseFixtures.CATALOG);
  }

  @Test
  void statesAndDistrictsSeeTheJourneysThatLeaveOrReachThem() {
    assertEquals("[P1, P2, P3, P4, P5, P6]", visible("registrations", "person_id", MINISTRY));
    assertEquals("[P1, P2, P3, P4]", visible("registrations", "person_id", MH_STATE));
    assertEquals("[P1, P3, P4, P5, P6]", visible("registrations", "person_id", UP_STATE));
    assertEquals("[P1, P2]", visible("registrations", "person_id", PUNE_DISTRICT));
    for (AccessScope national : List.of(RAILWAYS, HEALTH, AUDITOR)) {
      assertEquals("[P1, P2, P3, P4, P5, P6]", visible("registrations", "person_id", national));
    }
  }

  @Test
  void namesAndMobileNumbersGoToTheRolesThatContactPeople() {
    String counting = "[null, +91XXXXXX0001, null, null, null, null, null, null]";
    String contact =
        "[Ram Kumar, +919876500001, 1214, null, 27-REC-P1, kafka:state-27, null, null]";
    assertEquals(counting, p1(MINISTRY));
    assertEquals(contact, p1(MH_STATE));
    assertEquals(contact, p1(PUNE_DISTRICT));
    assertEquals(counting, p1(RAILWAYS));
    assertEquals("[Ram Kumar, +919876500001, 1214, null, null, null, null, null]", p1(HEALTH));
    assertEquals(
        "[null, +91XXXXXX0001, null, null, 27-REC-P1, kafka:state-27, 149, null]", p1(AUDITOR));
  }

  @Test
  void theAadhaarTokenNeverLeaves() {
    for (Role role : Role.values()) {
      POLICY
          .rule("registrations", role)
          .ifPresent(rule -> assertEquals(Mask.HIDDEN, rule.maskOf("aadhaar_token")));
    }
  }

  @Test
  void rejectsGoToTheUploadingStateWithTheirPayload() {
    assertEquals("[MH-BAD-1]", visible("registration_rejects", "source_record_id", MH_STATE));
    assertEquals(
        "[{\"name\":\"Reject Canary MH\"}]", visible("registration_rejects", "payload", MH_STATE));
    assertEquals("[null, null, null]", visible("registration_rejects", "payload", MINISTRY));
    assertEquals("[null, null, null]", visible("registration_rejects", "errors", AUDITOR));
    assertEquals(
        "[MH-BAD-1, UP-BAD-1, null]", visible("registration_rejects", "source_record_id", AUDITOR));
    for (AccessScope none : List.of(PUNE_DISTRICT, RAILWAYS, HEALTH)) {
      assertTrue(POLICY.rule("registration_rejects", none.role()).isEmpty(), none.label());
    }
  }

  @Test
  void aggregatesFollowTheJurisdiction() {
    assertEquals("[27, 27, 9]", visible("od_flows", "origin_state_code", MH_STATE));
    assertEquals("[490]", visible("od_flows", "origin_district_code", PUNE_DISTRICT));
    assertEquals("[27, 27, 10, 9]", visible("od_flows", "origin_state_code", RAILWAYS));
    assertEquals("[27]", visible("state_daily", "state_code", PUNE_DISTRICT));
    assertEquals("[27, 9, 10]", visible("state_daily", "state_code", HEALTH));
  }

  @Test
  void theQuarantinePlanGoesToTheStateAndDistrictThatDeclaredThePlaces() {
    Map<String, Object> pune =
        Map.of("destination_state_code", 27, "destination_district_code", 490, "shortfall", 12.0);
    Map<String, Object> gorakhpur =
        Map.of("destination_state_code", 9, "destination_district_code", 148, "shortfall", 0.0);
    for (AccessScope national : List.of(MINISTRY, RAILWAYS, HEALTH, AUDITOR)) {
      assertTrue(POLICY.read("quarantine_plan", national, gorakhpur).isPresent(), "" + national);
    }
    assertTrue(POLICY.read("quarantine_plan", MH_STATE, pune).isPresent());
    assertTrue(POLICY.read("quarantine_plan", MH_STATE, gorakhpur).isEmpty());
    assertTrue(POLICY.read("quarantine_plan", PUNE_DISTRICT, pune).isPresent());
    assertTrue(POLICY.read("quarantine_plan", PUNE_DISTRICT, gorakhpur).isEmpty());
  }

  @Test
  void manifestNamesGoToThePeopleMoversAndPassesToThoseWhoCheckThem() {
    Map<String, Object> line =
        new java.util.HashMap<>(
            Map.of(
                "origin_state_code",
                27,
                "destination_state_code",
                9,
                "traveller",
                "P1",
                "name",
                "Ram Kumar",
                "age",
                34));
    line.put("origin_district_code", null);
    assertEquals(
        "{age=34, name=Ram Kumar, traveller=P1}",
        sorted(POLICY.view("manifest_lines", RAILWAYS, line)));
    assertEquals(
        "{age=34, name=Ram Kumar, traveller=P1}",
        sorted(POLICY.view("manifest_lines", UP_STATE, line)));
    assertEquals("{age=34, traveller=P1}", sorted(POLICY.view("manifest_lines", MINISTRY, line)));
    assertEquals("{age=34, traveller=P1}", sorted(POLICY.view("manifest_lines", HEALTH, line)));
    assertTrue(
        POLICY.view("manifest_lines", PUNE_DISTRICT, line).isEmpty(), "not the district's request");
    Map<String, Object> pass =
        Map.of("origin_state_code", 27, "destination_state_code", 9, "token", "t");
    assertTrue(POLICY.view("epass_tokens", MH_STATE, pass).isPresent());
    assertTrue(POLICY.view("epass_tokens", RAILWAYS, pass).isPresent());
    for (AccessScope none : List.of(MINISTRY, HEALTH, AUDITOR)) {
      assertTrue(POLICY.view("epass_tokens", none, pass).isEmpty(), none.label());
    }
    assertEquals(
        java.util.Set.of(
            "epass_tokens",
            "follow_up_lists",
            "forecast_runs",
            "manifest_lines",
            "national_summaries",
            "sms_stats",
            "sms_unreached",
            "state_summaries",
            "upload_errors"),
        POLICY.restViews());
  }

  @Test
  void smsBodiesAreHiddenAndNumbersGoToTheDestinationDistrictsOfficers() {
    assertEquals("[+919876500001]", visible("sms_outbox", "mobile", PUNE_DISTRICT));
    assertEquals("[+91XXXXXX0001, +91XXXXXX0002]", visible("sms_outbox", "mobile", MINISTRY));
    assertEquals("[+91XXXXXX0001, +91XXXXXX0002]", visible("sms_outbox", "mobile", AUDITOR));
    for (AccessScope reader : List.of(PUNE_DISTRICT, MINISTRY, AUDITOR)) {
      assertFalse(visible("sms_outbox", "body", reader).contains("CANARY"), reader.label());
    }
    for (AccessScope none : List.of(MH_STATE, RAILWAYS, HEALTH)) {
      assertEquals("[]", visible("sms_outbox", "mobile", none), none.label());
    }
    Map<String, Object> unreached = new java.util.HashMap<>();
    unreached.put("district_code", PUNE);
    unreached.put("mobile", "+919876500001");
    unreached.put("names", "Ramesh");
    Map<String, Object> forPune =
        POLICY.view("sms_unreached", PUNE_DISTRICT, unreached).orElseThrow();
    assertEquals("+919876500001", forPune.get("mobile"));
    assertEquals("Ramesh", forPune.get("names"));
    Map<String, Object> forMinistry =
        POLICY.view("sms_unreached", MINISTRY, unreached).orElseThrow();
    assertEquals("+91XXXXXX0001", forMinistry.get("mobile"));
    assertEquals(null, forMinistry.get("names"));
    assertTrue(POLICY.view("sms_unreached", MH_STATE, unreached).isEmpty());
    assertTrue(POLICY.view("sms_unreached", RAILWAYS, unreached).isEmpty());
  }

  @Test
  void uploadReportsGoToTheUploadersStateAndDistrict() {
    Map<String, Object> byPune = new java.util.HashMap<>();
    byPune.put("source_state_code", 27);
    byPune.put("uploader_district_code", 490);
    byPune.put("value", "12345");
    byPune.put("line", 2);
    assertEquals("{line=2, value=12345}", shownOf(POLICY.view("upload_errors", MH_STATE, byPune)));
    assertEquals(
        "{line=2, value=12345}", shownOf(POLICY.view("upload_errors", PUNE_DISTRICT, byPune)));
    assertTrue(POLICY.view("upload_errors", UP_STATE, byPune).isEmpty(), "another state's upload");
    Map<String, Object> byState = new java.util.HashMap<>(byPune);
    byState.put("uploader_district_code", null);
    assertTrue(
        POLICY.view("upload_errors", PUNE_DISTRICT, byState).isEmpty(),
        "a district sees its own uploads, not the state's");
    for (AccessScope none : List.of(MINISTRY, HEALTH, AUDITOR, RAILWAYS)) {
      assertTrue(POLICY.view("upload_errors", none, byPune).isEmpty(), none.label());
    }
  }

  private static String shownOf(Optional<Map<String, Object>> shown) {
    Map<String, Object> kept = new java.util.TreeMap<>(shown.orElseThrow());
    kept.keySet().removeAll(List.of("source_state_code", "uploader_district_code"));
    return kept.toString();
  }

  private static String sorted(Optional<Map<String, Object>> shown) {
    Map<String, Object> kept = new java.util.TreeMap<>(shown.orElseThrow());
    kept.keySet()
        .removeAll(List.of("origin_state_code", "destination_state_code", "origin_district_code"));
    return kept.toString();
  }

  @Test
  void referenceDataIsPublicAndTheAuditLogIsTheAuditors() {
    for (Role role : Role.values()) {
      assertTrue(POLICY.rule("states", role).isPresent());
      assertTrue(POLICY.rule("districts", role).isPresent());
      assertEquals(
          role == Role.AUDITOR, POLICY.rule("audit_log", role).isPresent(), role.toString());
      assertTrue(POLICY.rule("registrations_raw", role).isEmpty());
    }
  }

  private static String visible(String table, String column, AccessScope caller) {
    return FixtureRows.BY_TABLE.get(table).stream()
        .map(row -> POLICY.read(table, caller, row))
        .flatMap(Optional::stream)
        .map(row -> String.valueOf(row.get(column)))
        .toList()
        .toString();
  }

  private static String p1(AccessScope caller) {
    Map<String, Object> shown =
        POLICY.read("registrations", caller, FixtureRows.REGISTRATIONS.get(0)).orElseThrow();
    return List.of(
            "name",
            "mobile",
            "aadhaar_last4",
            "aadhaar_token",
            "source_record_id",
            "created_by",
            "kafka_offset",
            "content_hash")
        .stream()
        .map(shown::get)
        .toList()
        .toString();
  }
}
