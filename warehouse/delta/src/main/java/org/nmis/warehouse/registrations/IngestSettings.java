package org.nmis.warehouse.registrations;

import java.io.Serializable;

/**
 * What the registration writer needs on every executor: the Aadhaar tokenisation key, the person-ID
 * key and epoch, and a stable writer ID under which Delta records which batches were already
 * committed (idempotent appends after a restart).
 */
public record IngestSettings(
    String aadhaarKey, String personIdKey, int personIdEpoch, String writerId)
    implements Serializable {

  @Override
  public String toString() {
    return "IngestSettings[keys=<hidden>, personIdEpoch="
        + personIdEpoch
        + ", writerId="
        + writerId
        + "]";
  }
}
