package org.nmis.warehouse.registrations;

import java.io.Serializable;

/**
 * What the registration writer needs on every executor: the Aadhaar tokenisation key, the person-ID
 * key and epoch, and a stable writer ID under which Delta records which batches were already
 * committed (idempotent appends after a restart); and when it MERGEs corrections (see {@link
 * Corrections}).
 */
public record IngestSettings(
    String aadhaarKey,
    String personIdKey,
    int personIdEpoch,
    String writerId,
    Corrections corrections)
    implements Serializable {

  public IngestSettings {
    if (corrections == null) {
      throw new IllegalArgumentException(
          "NMIS-ING-010: the ingest settings need a corrections policy");
    }
  }

  /** With the default corrections policy. */
  public IngestSettings(String aadhaarKey, String personIdKey, int personIdEpoch, String writerId) {
    this(aadhaarKey, personIdKey, personIdEpoch, writerId, Corrections.DEFAULT);
  }

  /**
   * When corrections reach {@code registrations}. A MERGE costs seconds whatever its size, so
   * during a burst (a batch of at least {@code deferAbove} messages) the writer keeps corrections
   * in {@code registration_corrections} and MERGEs them every {@code everyBatches} batches or after
   * {@code maxDelayMillis}, whichever comes first; a smaller batch (the job has caught up) MERGEs
   * them at once. Defaults: 10,000 messages, 8 batches, 60 s.
   */
  public record Corrections(long deferAbove, int everyBatches, long maxDelayMillis)
      implements Serializable {
    public static final Corrections DEFAULT = new Corrections(10_000, 8, 60_000);

    /** MERGE every batch's corrections in that batch (no deferral). */
    public static final Corrections AT_ONCE = new Corrections(Long.MAX_VALUE, 1, 0);

    public Corrections {
      if (deferAbove < 1 || everyBatches < 1 || maxDelayMillis < 0) {
        throw new IllegalArgumentException(
            "NMIS-ING-011: corrections policy "
                + deferAbove
                + "/"
                + everyBatches
                + "/"
                + maxDelayMillis
                + " is out of range; deferAbove and everyBatches must be at least 1, maxDelayMillis"
                + " at least 0");
      }
    }
  }

  @Override
  public String toString() {
    return "IngestSettings[keys=<hidden>, personIdEpoch="
        + personIdEpoch
        + ", writerId="
        + writerId
        + ", corrections="
        + corrections
        + "]";
  }
}
