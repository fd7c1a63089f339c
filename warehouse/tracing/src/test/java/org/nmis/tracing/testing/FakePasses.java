package org.nmis.tracing.testing;

import java.util.HashMap;
import java.util.Map;
import org.nmis.model.ids.RequestId;
import org.nmis.tracing.lookup.EPassStatus;
import org.nmis.tracing.lookup.EPassStatuses;

/** The movement service's passes as a map a test fills; NOT_ISSUED for anything else. */
public final class FakePasses implements EPassStatuses {
  private final Map<String, EPassStatus> statuses = new HashMap<>();

  public FakePasses put(RequestId request, String travellerId, EPassStatus status) {
    statuses.put(request + "/" + travellerId, status);
    return this;
  }

  @Override
  public EPassStatus of(RequestId requestId, String travellerId) {
    return statuses.getOrDefault(requestId + "/" + travellerId, EPassStatus.notIssued());
  }
}
