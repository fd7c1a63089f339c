package org.nmis.api.reference;

import java.util.List;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.model.reference.ReferenceData;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * LGD states and districts for the dropdowns of state data-entry screens. Public data, cacheable
 * for a day.
 */
@RestController
@RequestMapping("/api/v1/reference")
public class ReferenceController {
  private final ReferenceData reference;

  public ReferenceController(ReferenceData reference) {
    this.reference = reference;
  }

  /**
   * A state or union territory; {@code latitude}/{@code longitude} are the mean of its districts'
   * coordinates (where the dashboard's map puts it), null when it has none.
   */
  public record StateView(
      int code, String name, String localName, String kind, Double latitude, Double longitude) {}

  public record DistrictView(
      int code, int stateCode, String name, double latitude, double longitude) {}

  @GetMapping("/states")
  public ResponseEntity<List<StateView>> states() {
    List<StateView> states =
        reference.states().stream()
            .map(
                s -> {
                  var districts = reference.districtsOf(s.code());
                  return new StateView(
                      s.code(),
                      s.name(),
                      s.localName().isEmpty() ? null : s.localName(),
                      s.unionTerritory() ? "UT" : "STATE",
                      districts.isEmpty()
                          ? null
                          : districts.stream().mapToDouble(d -> d.latitude()).average().orElse(0),
                      districts.isEmpty()
                          ? null
                          : districts.stream().mapToDouble(d -> d.longitude()).average().orElse(0));
                })
            .sorted(java.util.Comparator.comparing(StateView::name))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
        .body(states);
  }

  @GetMapping("/districts")
  public ResponseEntity<List<DistrictView>> districts(@RequestParam("state") int stateCode) {
    if (reference.state(stateCode).isEmpty()) {
      throw new ApiException(
          ApiError.STATE_NOT_FOUND,
          "state "
              + stateCode
              + " is not an LGD state code; GET /api/v1/reference/states lists them");
    }
    List<DistrictView> districts =
        reference.districtsOf(stateCode).stream()
            .map(
                d ->
                    new DistrictView(
                        d.code(), d.stateCode(), d.name(), d.latitude(), d.longitude()))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
        .body(districts);
  }
}
