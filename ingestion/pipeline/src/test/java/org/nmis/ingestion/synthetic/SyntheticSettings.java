package org.nmis.ingestion.synthetic;

/**
 * How a synthetic stream is made. The rates are shares of all messages; the rest are new valid
 * registrations.
 *
 * @param seed the only source of randomness: the same settings give the same messages, byte for
 *     byte
 * @param invalidRate share of new registrations that break at least one rule
 * @param resendRate share of messages that repeat an earlier valid message exactly (a state
 *     retrying a batch)
 * @param correctionRate share of messages that change an earlier valid registration under the same
 *     key
 * @param aadhaarRate share of generated people whose row carries an Aadhaar number (the field is
 *     optional)
 */
public record SyntheticSettings(
    long seed, double invalidRate, double resendRate, double correctionRate, double aadhaarRate) {

  public static final double DEFAULT_INVALID_RATE = 0.03;
  public static final double DEFAULT_RESEND_RATE = 0.01;
  public static final double DEFAULT_CORRECTION_RATE = 0.005;
  public static final double DEFAULT_AADHAAR_RATE = 0.6;

  public SyntheticSettings {
    requireShare("invalidRate", invalidRate);
    requireShare("resendRate", resendRate);
    requireShare("correctionRate", correctionRate);
    requireShare("aadhaarRate", aadhaarRate);
    if (invalidRate + resendRate + correctionRate > 1) {
      throw new IllegalArgumentException(
          "invalidRate + resendRate + correctionRate must not exceed 1, got "
              + (invalidRate + resendRate + correctionRate));
    }
  }

  /** The default mix: 3% invalid, 1% re-sent, 0.5% corrected, Aadhaar on 60% of rows. */
  public static SyntheticSettings withSeed(long seed) {
    return new SyntheticSettings(
        seed,
        DEFAULT_INVALID_RATE,
        DEFAULT_RESEND_RATE,
        DEFAULT_CORRECTION_RATE,
        DEFAULT_AADHAAR_RATE);
  }

  private static void requireShare(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }
}
