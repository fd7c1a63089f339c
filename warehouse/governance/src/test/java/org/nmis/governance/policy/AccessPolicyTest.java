package org.nmis.governance.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.governance.catalog.CatalogColumn.required;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nmis.governance.catalog.CatalogTable;
import org.nmis.governance.catalog.ColumnType;
import org.nmis.governance.catalog.WarehouseCatalog;
import org.nmis.model.access.Role;

class AccessPolicyTest {
  private static final CatalogTable PEOPLE =
      CatalogTable.of(
          "people",
          "",
          required("state", ColumnType.INT),
          required("name", ColumnType.STRING),
          required("phone", ColumnType.STRING),
          required("notes", ColumnType.STRING));

  private static AccessPolicy people() {
    return AccessPolicy.builder()
        .table(
            "People",
            Mask.HIDDEN,
            t ->
                t.rows(RowFilter.all(), Role.MINISTRY)
                    .rows(RowFilter.callerState("state"), Role.STATE)
                    .maskForReaders(Mask.CLEAR, "state")
                    .mask(Mask.CLEAR, Set.of(Role.STATE), "name", "phone")
                    .mask(Mask.MOBILE_LAST4, Set.of(Role.MINISTRY), "phone"))
        .build();
  }

  /** A row of Maharashtra's, with a column no rule names. */
  private static Map<String, Object> ram() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("state", 27);
    row.put("name", "Ram");
    row.put("phone", "+919876543210");
    row.put("notes", "n");
    return row;
  }

  @Test
  void readAppliesRowsAndMasks() {
    Map<String, Object> row = ram();
    assertEquals(
        "{state=27, name=Ram, phone=+919876543210, notes=null}",
        people().read("people", MH_STATE, row).orElseThrow().toString());
    assertEquals(
        "{state=27, name=null, phone=+91XXXXXX3210, notes=null}",
        people().read("PEOPLE", MINISTRY, row).orElseThrow().toString());
    row.put("state", 9);
    assertTrue(people().read("people", MH_STATE, row).isEmpty());
  }

  @Test
  void viewLeavesOutWhatTheRoleMayNotSee() {
    Map<String, Object> row = ram();
    assertEquals(
        "{state=27, name=Ram, phone=+919876543210}",
        people().view("people", MH_STATE, row).orElseThrow().toString());
    assertEquals(
        "{state=27, phone=+91XXXXXX3210}",
        people().view("people", MINISTRY, row).orElseThrow().toString());
    assertTrue(people().sees("people", MINISTRY, row));
    row.put("state", 9);
    assertTrue(people().view("people", MH_STATE, row).isEmpty());
    assertTrue(!people().sees("people", MH_STATE, row));
  }

  @Test
  void aRestViewIsNoWarehouseTable() {
    AccessPolicy policy =
        AccessPolicy.builder()
            .restView("people", Mask.HIDDEN, t -> t.rows(RowFilter.all(), Role.MINISTRY))
            .build();
    assertEquals(Set.of("people"), policy.restViews());
    policy.verify(WarehouseCatalog.of());
    assertCode("NMIS-POL-009", () -> policy.verify(WarehouseCatalog.of(PEOPLE)));
  }

  @Test
  void accessIsDeniedByDefault() {
    assertTrue(people().rule("people", Role.HEALTH).isEmpty());
    assertTrue(people().rule("other", Role.MINISTRY).isEmpty());
    assertTrue(people().read("other", MINISTRY, Map.of("state", 27)).isEmpty());
    assertEquals(Set.of("people"), people().tables());
  }

  @Test
  void ambiguousDeclarationsAreRefused() {
    assertCode(
        "NMIS-POL-005",
        () ->
            AccessPolicy.builder()
                .table("t", Mask.CLEAR, t -> t.rows(RowFilter.all(), Role.AUDITOR))
                .table("T", Mask.CLEAR, t -> t.rows(RowFilter.all(), Role.AUDITOR)));
    assertCode(
        "NMIS-POL-006",
        () ->
            AccessPolicy.builder()
                .table("t", Mask.CLEAR, t -> t.rows(RowFilter.all(), Role.AUDITOR, Role.AUDITOR)));
    assertCode(
        "NMIS-POL-007",
        () ->
            AccessPolicy.builder()
                .table(
                    "t",
                    Mask.CLEAR,
                    t ->
                        t.rows(RowFilter.all(), Role.AUDITOR)
                            .maskForReaders(Mask.HIDDEN, "a")
                            .mask(Mask.CLEAR, Set.of(Role.AUDITOR), "A")));
    assertCode(
        "NMIS-POL-008",
        () ->
            AccessPolicy.builder()
                .table(
                    "t",
                    Mask.CLEAR,
                    t ->
                        t.rows(RowFilter.all(), Role.AUDITOR)
                            .mask(Mask.HIDDEN, Set.of(Role.HEALTH), "a")));
  }

  @Test
  void verifyFindsRulesThatDoNotFitTheCatalog() {
    people().verify(WarehouseCatalog.of(PEOPLE));
    people().verify(WarehouseCatalog.of());
    CatalogTable noPhone =
        CatalogTable.of(
            "people", "", required("state", ColumnType.INT), required("name", ColumnType.STRING));
    assertCode("NMIS-POL-002", () -> people().verify(WarehouseCatalog.of(noPhone)));
    CatalogTable numericPhone =
        CatalogTable.of(
            "people",
            "",
            required("state", ColumnType.INT),
            required("name", ColumnType.STRING),
            required("phone", ColumnType.LONG));
    assertCode("NMIS-POL-003", () -> people().verify(WarehouseCatalog.of(numericPhone)));
    CatalogTable textState =
        CatalogTable.of(
            "people",
            "",
            required("state", ColumnType.STRING),
            required("name", ColumnType.STRING),
            required("phone", ColumnType.STRING));
    assertCode("NMIS-POL-004", () -> people().verify(WarehouseCatalog.of(textState)));
  }

  private static void assertCode(String code, Runnable action) {
    IllegalStateException e = assertThrows(IllegalStateException.class, action::run);
    assertTrue(e.getMessage().startsWith(code + ":"), e.getMessage());
  }
}
