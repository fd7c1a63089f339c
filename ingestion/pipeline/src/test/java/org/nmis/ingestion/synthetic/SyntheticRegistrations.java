package org.nmis.ingestion.synthetic;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nmis.model.json.RegistrationJson;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.registration.ErrorCode;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;

/**
 * A deterministic stream of realistic registration messages, as the states' systems would have
 * published them during the 2020 return migration: state pairs weighted by the Census 2011
 * migration flows, Hindi and Latin names, the date and phone formats state sheets used, households
 * travelling together, and a known share of invalid rows, re-sends and corrections. Each message
 * says what it is, so a test or benchmark can predict what the pipeline must accept, reject and
 * deduplicate.
 *
 * <p>Immutable and thread-safe: every {@link #stream(long)} starts over from the seed, so two
 * streams of the same generator, or of two generators with the same settings, are equal byte for
 * byte.
 */
public final class SyntheticRegistrations {
  /** How many of the latest valid registrations a re-send or correction chooses from. */
  private static final int RECENT = 10_000;

  private final SyntheticSettings settings;
  private final Geography geography;
  private final TravelDates dates;

  public SyntheticRegistrations(SyntheticSettings settings) {
    this.settings = settings;
    this.geography = new Geography(ReferenceData.get());
    this.dates = new TravelDates();
  }

  /** The first {@code count} messages of this generator's sequence. */
  public Run stream(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, got " + count);
    }
    return new Run(count);
  }

  /**
   * What a run has generated so far, by kind, and how often each error is expected among its
   * invalid rows. The warehouse should keep {@link #newValid()} registrations, reject {@link
   * #newInvalid()} messages, and see the re-sends as duplicates.
   */
  public record Counts(
      long newValid,
      long newInvalid,
      long resends,
      long corrections,
      Map<ErrorCode, Long> expectedErrors) {

    public Counts {
      EnumMap<ErrorCode, Long> copy = new EnumMap<>(ErrorCode.class);
      copy.putAll(expectedErrors);
      expectedErrors = Collections.unmodifiableMap(copy);
    }

    public long total() {
      return newValid + newInvalid + resends + corrections;
    }

    /** For a benchmark's table: "N (a new valid, b invalid, c re-sends, d corrections)". */
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "%,d (%,d new valid, %,d invalid, %,d re-sends, %,d corrections)",
          total(),
          newValid,
          newInvalid,
          resends,
          corrections);
    }

    /** Messages the validator accepts: everything but the invalid new rows. */
    public long accepted() {
      return newValid + resends + corrections;
    }
  }

  /** One pass over the sequence; single-threaded, like the producer that sends it. */
  public final class Run implements Iterator<SyntheticMessage> {
    /** A valid message already sent, kept so that it can be re-sent or corrected. */
    private record Sent(String key, RegistrationInput input, byte[] value) {}

    private final SplittableRandom random = new SplittableRandom(settings.seed());
    private final Rows rows = new Rows(random, settings.aadhaarRate(), geography, dates);
    private final Sent[] recent = new Sent[RECENT];
    private final long[] errors = new long[ErrorCode.values().length];
    private final double invalidBelow = settings.invalidRate();
    private final double resendBelow = invalidBelow + settings.resendRate();
    private final double correctionBelow = resendBelow + settings.correctionRate();
    private long remaining;
    private int recentCount;
    private int recentNext;
    private long newValid;
    private long newInvalid;
    private long resends;
    private long corrections;

    private Run(long count) {
      this.remaining = count;
    }

    @Override
    public boolean hasNext() {
      return remaining > 0;
    }

    // Until a first valid row exists there is nothing to re-send or correct; a new valid row is
    // made instead.
    @Override
    public SyntheticMessage next() {
      if (remaining <= 0) {
        throw new NoSuchElementException();
      }
      remaining--;
      double u = random.nextDouble();
      if (u < invalidBelow) {
        return invalid();
      }
      if (u < resendBelow && recentCount > 0) {
        return resend();
      }
      if (u < correctionBelow && recentCount > 0) {
        return correction();
      }
      return valid();
    }

    public Counts counts() {
      EnumMap<ErrorCode, Long> expected = new EnumMap<>(ErrorCode.class);
      for (ErrorCode code : ErrorCode.values()) {
        if (errors[code.ordinal()] > 0) {
          expected.put(code, errors[code.ordinal()]);
        }
      }
      return new Counts(newValid, newInvalid, resends, corrections, expected);
    }

    private SyntheticMessage valid() {
      Sent sent = send(rows.next());
      remember(sent);
      newValid++;
      return new SyntheticMessage(
          sent.key(), sent.value(), SyntheticMessage.Kind.NEW_VALID, List.of());
    }

    private SyntheticMessage invalid() {
      List<Defect> defects = rows.defects();
      Sent sent = send(rows.broken(rows.next(), defects));
      for (Defect d : defects) {
        errors[d.errorCode().ordinal()]++;
      }
      newInvalid++;
      return new SyntheticMessage(
          sent.key(), sent.value(), SyntheticMessage.Kind.NEW_INVALID, defects);
    }

    private SyntheticMessage resend() {
      Sent earlier = recent[random.nextInt(recentCount)];
      resends++;
      return new SyntheticMessage(
          earlier.key(), earlier.value(), SyntheticMessage.Kind.RESEND, List.of());
    }

    // The corrected version takes the original's place, so later re-sends repeat the latest version
    // of a key.
    private SyntheticMessage correction() {
      int slot = random.nextInt(recentCount);
      Sent corrected = send(rows.corrected(recent[slot].input()));
      recent[slot] = corrected;
      corrections++;
      return new SyntheticMessage(
          corrected.key(), corrected.value(), SyntheticMessage.Kind.CORRECTION, List.of());
    }

    private void remember(Sent sent) {
      recent[recentNext] = sent;
      recentNext = (recentNext + 1) % RECENT;
      recentCount = Math.min(recentCount + 1, RECENT);
    }

    private Sent send(RegistrationInput input) {
      String key = input.get(Field.SOURCE_STATE_CODE) + ":" + input.get(Field.SOURCE_RECORD_ID);
      return new Sent(key, input, RegistrationJson.write(input));
    }
  }
}
