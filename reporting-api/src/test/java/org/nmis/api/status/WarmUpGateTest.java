package org.nmis.api.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class WarmUpGateTest {
  /** A hand-written fake: ready or not, as the test says. */
  private static final class FakeStatus implements WarehouseStatus {
    boolean ready;

    @Override
    public Map<String, Object> snapshot() {
      return Map.of();
    }

    @Override
    public boolean servingReady() {
      return ready;
    }
  }

  @Test
  void lookupsWaitForTheServingIndexesThenPass() throws Exception {
    FakeStatus status = new FakeStatus();
    WarmUpGate gate = new WarmUpGate(status);
    MockHttpServletRequest lookup = new MockHttpServletRequest("GET", "/api/v1/persons/X");
    ApiException warming =
        assertThrows(
            ApiException.class,
            () -> gate.preHandle(lookup, new MockHttpServletResponse(), new Object()));
    assertEquals(ApiError.WARMING_UP, warming.error());
    assertEquals(503, warming.error().httpStatus());
    assertTrue(warming.getMessage().contains("readiness"), warming.getMessage());
    status.ready = true;
    assertTrue(gate.preHandle(lookup, new MockHttpServletResponse(), new Object()));
  }
}
