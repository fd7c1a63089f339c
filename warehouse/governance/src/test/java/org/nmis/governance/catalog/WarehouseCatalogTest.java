package org.nmis.governance.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.governance.catalog.CatalogColumn.required;

import org.junit.jupiter.api.Test;

class WarehouseCatalogTest {
  private static final CatalogTable STATES =
      CatalogTable.of(
          "States",
          "LGD states",
          required("State_Code", ColumnType.INT),
          required("state_name", ColumnType.STRING));

  @Test
  void namesAreLowerCaseAndLookedUpIgnoringCase() {
    WarehouseCatalog catalog = WarehouseCatalog.of(STATES);
    assertEquals("states", catalog.table("STATES").orElseThrow().name());
    assertEquals(
        "state_code",
        catalog.table("states").orElseThrow().column("STATE_CODE").orElseThrow().name());
    assertTrue(catalog.table("districts").isEmpty());
  }

  @Test
  void duplicatesAndEmptyTablesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> WarehouseCatalog.of(STATES, STATES));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            CatalogTable.of("t", "", required("a", ColumnType.INT), required("A", ColumnType.INT)));
    assertThrows(IllegalArgumentException.class, () -> CatalogTable.of("t", ""));
    assertThrows(IllegalArgumentException.class, () -> ColumnType.structOf());
  }
}
