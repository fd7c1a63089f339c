package org.nmis.api.movement;

import org.nmis.api.access.PolicyProjection;
import org.nmis.api.errors.ApiError;
import org.nmis.api.errors.ApiException;
import org.nmis.model.access.AccessScope;
import org.nmis.model.ids.RequestId;
import org.nmis.movement.request.MovementRequest;
import org.nmis.movement.service.MovementService;
import org.springframework.stereotype.Component;

/**
 * A movement request named in a URL, if the caller may see it under the policy: 400 for a mistyped
 * ID, 404 for one that does not exist or that the caller may not see (the two look the same, so an
 * ID reveals nothing).
 */
@Component
public class VisibleRequests {
  private final MovementService service;
  private final PolicyProjection views;

  public VisibleRequests(MovementService service, PolicyProjection views) {
    this.service = service;
    this.views = views;
  }

  public MovementRequest get(String id, AccessScope caller) {
    RequestId rid =
        RequestId.parse(id)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.INVALID_REQUEST_ID,
                        "'"
                            + id
                            + "' is not a request ID (MR-XXXXX-XXXXX, the last character checks the"
                            + " others); a character is probably mistyped"));
    return service
        .get(rid)
        .filter(r -> views.sees(r, caller))
        .orElseThrow(
            () ->
                new ApiException(
                    ApiError.REQUEST_NOT_FOUND,
                    "no movement request " + rid + " that you may see"));
  }
}
