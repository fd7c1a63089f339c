package org.nmis.api.status;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class StatusController {
  private final WarehouseStatus status;

  public StatusController(WarehouseStatus status) {
    this.status = status;
  }

  @GetMapping("/api/v1/status")
  public Map<String, Object> status() {
    return status.snapshot();
  }
}
