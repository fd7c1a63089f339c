package org.nmis.model.ids;

import java.util.Optional;

/**
 * Allocates person IDs from the position of a person's first valid registration in the
 * registrations log.
 *
 * <p>The 45-bit payload is {@code epoch (2 bits) | partition (6 bits) | offset (37 bits)} passed
 * through a keyed bijection. A Kafka (partition, offset) pair names exactly one message, so two
 * people can never get the same payload, and a bijection cannot merge two payloads: IDs are unique
 * by construction, not by luck, for up to 64 x 2^37 (8.8 lakh crore) first registrations per epoch.
 * The epoch is bumped when the topic is ever re-created (its offsets start again at 0). See
 * docs/DATA_MODEL.md.
 */
public final class PersonIdScheme {
  public static final int MAX_EPOCH = 3;
  public static final int MAX_PARTITIONS = 64;
  public static final long MAX_OFFSET = (1L << 37) - 1;

  private final KeyedPermutation permutation;
  private final int epoch;

  public PersonIdScheme(String key, int epoch) {
    if (key == null || key.length() < 16) {
      throw new IllegalArgumentException(
          "NMIS-ID-001: the person-ID key must have at least 16 characters; set nmis.ids.key (env NMIS_IDS_KEY)");
    }
    if (epoch < 0 || epoch > MAX_EPOCH) {
      throw new IllegalArgumentException(
          "NMIS-ID-002: nmis.ids.epoch must be 0.." + MAX_EPOCH + ", was " + epoch);
    }
    this.permutation = new KeyedPermutation(PersonId.PAYLOAD_BITS, key);
    this.epoch = epoch;
  }

  /**
   * The person-ID rule, stated once: a source record (source state, source record ID) keeps for
   * ever the ID that its first valid message in the registrations log was given, however often it
   * is corrected or sent again. {@code known} is that ID when the record was seen before (the
   * serving index, or a submission this instance has just published); otherwise this message is the
   * first and its log position gives the ID. The ingestion job applies the same rule to whole
   * batches: of a record's messages in a batch, the earliest offset's ID, and a record already in
   * {@code registrations} keeps its stored ID (RegistrationBatchWriter).
   */
  public PersonId resolve(Optional<PersonId> known, int partition, long offset) {
    return known.orElseGet(() -> forLogPosition(partition, offset));
  }

  /** The ID a first valid message at this log position gives. */
  public PersonId forLogPosition(int partition, long offset) {
    if (partition < 0 || partition >= MAX_PARTITIONS) {
      throw new IllegalArgumentException(
          "NMIS-ID-003: partition "
              + partition
              + " is outside 0.."
              + (MAX_PARTITIONS - 1)
              + "; the registrations topic may have at most "
              + MAX_PARTITIONS
              + " partitions");
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw new IllegalArgumentException(
          "NMIS-ID-004: offset "
              + offset
              + " is outside 0.."
              + MAX_OFFSET
              + "; start a new epoch (nmis.ids.epoch) with a new topic");
    }
    long payload = ((long) epoch << 43) | ((long) partition << 37) | offset;
    return PersonId.ofPayload(permutation.permute(payload));
  }
}
