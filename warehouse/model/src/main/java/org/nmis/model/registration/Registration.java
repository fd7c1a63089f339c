package org.nmis.model.registration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A registration that passed every rule, normalised: mobile as +91XXXXXXXXXX, name trimmed with
 * inner spaces collapsed (script kept), Aadhaar only as a keyed token plus its last four digits.
 * Optional fields are null.
 */
public record Registration(
    int sourceStateCode,
    String sourceRecordId,
    String name,
    int age,
    Gender gender,
    String mobile,
    String aadhaarToken,
    String aadhaarLast4,
    int originStateCode,
    int originDistrictCode,
    int destinationStateCode,
    int destinationDistrictCode,
    LocalDate travelDate,
    TravelMode mode,
    int personsAccompanying,
    String groupRef,
    Category category,
    String vehicleRef) {

  /**
   * A digest per thread: MessageDigest is not thread-safe, and looking one up costs more than it.
   */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
          });

  /** The key a state's record is known by: its own ID within its own state. */
  public String sourceKey() {
    return sourceKey(sourceStateCode, sourceRecordId);
  }

  public static String sourceKey(int sourceStateCode, String sourceRecordId) {
    return sourceStateCode + ":" + sourceRecordId;
  }

  /**
   * A digest of every value, so that a re-sent identical record can be told from a correction
   * without comparing column by column.
   */
  public String contentHash() {
    String joined =
        String.join(
            "\u001F",
            String.valueOf(sourceStateCode),
            sourceRecordId,
            name,
            String.valueOf(age),
            gender.name(),
            mobile,
            String.valueOf(aadhaarToken),
            String.valueOf(aadhaarLast4),
            String.valueOf(originStateCode),
            String.valueOf(originDistrictCode),
            String.valueOf(destinationStateCode),
            String.valueOf(destinationDistrictCode),
            travelDate.toString(),
            mode.name(),
            String.valueOf(personsAccompanying),
            String.valueOf(groupRef),
            String.valueOf(category),
            String.valueOf(vehicleRef));
    byte[] d = SHA256.get().digest(joined.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 16);
  }
}
