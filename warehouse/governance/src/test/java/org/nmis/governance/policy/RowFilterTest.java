package org.nmis.governance.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmis.governance.testing.WarehouseFixtures.MH_STATE;
import static org.nmis.governance.testing.WarehouseFixtures.MINISTRY;
import static org.nmis.governance.testing.WarehouseFixtures.PUNE_DISTRICT;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowFilterTest {
  private static final RowFilter BY_STATE =
      RowFilter.callerState("origin_state_code", "destination_state_code");
  private static final RowFilter BY_DISTRICT = RowFilter.callerDistrict("origin_district_code");

  @Test
  void anyColumnMatchingTheCallersCodeLetsTheRowThrough() {
    assertTrue(
        BY_STATE.test(
            ColumnValues.of(Map.of("origin_state_code", 9, "destination_state_code", 27)),
            MH_STATE));
    assertFalse(
        BY_STATE.test(
            ColumnValues.of(Map.of("origin_state_code", 9, "destination_state_code", 10)),
            MH_STATE));
    assertTrue(
        BY_DISTRICT.test(ColumnValues.of(Map.of("origin_district_code", 490L)), PUNE_DISTRICT));
    assertTrue(BY_STATE.test(ColumnValues.of(Map.of("ORIGIN_STATE_CODE", 27)), PUNE_DISTRICT));
  }

  @Test
  void failsClosed() {
    Map<String, Object> nulls = new HashMap<>();
    nulls.put("origin_state_code", null);
    assertFalse(BY_STATE.test(ColumnValues.of(nulls), MH_STATE));
    assertFalse(BY_STATE.test(ColumnValues.of(Map.of()), MH_STATE));
    assertFalse(BY_STATE.test(ColumnValues.of(Map.of("origin_state_code", "27")), MH_STATE));
    assertFalse(BY_STATE.test(ColumnValues.of(Map.of("origin_state_code", 27)), MINISTRY));
    assertFalse(BY_DISTRICT.test(ColumnValues.of(Map.of("origin_district_code", 490)), MH_STATE));
    assertTrue(RowFilter.all().test(ColumnValues.of(Map.of()), MINISTRY));
    assertThrows(IllegalArgumentException.class, RowFilter::callerState);
  }
}
