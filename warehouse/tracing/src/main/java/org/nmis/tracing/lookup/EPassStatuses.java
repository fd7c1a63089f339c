package org.nmis.tracing.lookup;

import org.nmis.model.ids.RequestId;

/**
 * The e-pass status of a traveller on a request's train. The movement service owns the passes
 * (issue, revocation, validity), so the lookup asks it rather than keeping a copy.
 */
@FunctionalInterface
public interface EPassStatuses {
  EPassStatus of(RequestId requestId, String travellerId);
}
