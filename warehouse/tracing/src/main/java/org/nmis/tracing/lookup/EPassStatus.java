package org.nmis.tracing.lookup;

/** A traveller's e-pass on one journey: its state and pass ID (null when none was issued). */
public record EPassStatus(EPassState state, String passId) {
  private static final EPassStatus NOT_ISSUED = new EPassStatus(EPassState.NOT_ISSUED, null);

  public EPassStatus {
    if (state == null) {
      throw new IllegalArgumentException("an e-pass status needs its state");
    }
  }

  public static EPassStatus notIssued() {
    return NOT_ISSUED;
  }
}
