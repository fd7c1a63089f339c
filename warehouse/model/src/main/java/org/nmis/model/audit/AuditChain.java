package org.nmis.model.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The audit trail's hash chain. Each event carries the hash of the event before it on the same
 * chain (one chain per writer and day, numbered from 1) and its own hash, over its content and that
 * link (SHA-256 of a JSON array of the fields, in a fixed order). Changing a row, removing one,
 * inserting one or swapping two breaks the chain at that row; {@link #verify} names the first
 * broken link. Removing the newest rows of a day leaves a shorter chain that still holds: the
 * writer's local copy of the day (and its count) is the check for that.
 */
public final class AuditChain {
  /** The link before the first event of a chain. */
  public static final String GENESIS = "0".repeat(64);

  /** How {@code at} is written (UTC, milliseconds) by the trail and read back from the table. */
  public static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditChain() {}

  /**
   * One audit event as the chain sees it: exactly the columns of audit_log ({@code at} as written,
   * UTC with milliseconds, {@code day} as yyyy-mm-dd).
   */
  public record Entry(
      String chain,
      long seq,
      String prevHash,
      String hash,
      String id,
      String at,
      String username,
      String role,
      String jurisdiction,
      String endpoint,
      String sqlText,
      String parameters,
      long rowsReturned,
      long durationMs,
      String outcome,
      String day) {
    /** The same event with its link and hash set: what the writer stores. */
    public Entry sealed(long seq, String prevHash) {
      Entry linked = with(seq, prevHash, null);
      return linked.with(seq, prevHash, AuditChain.hash(linked));
    }

    private Entry with(long seq, String prevHash, String hash) {
      return new Entry(
          chain,
          seq,
          prevHash,
          hash,
          id,
          at,
          username,
          role,
          jurisdiction,
          endpoint,
          sqlText,
          parameters,
          rowsReturned,
          durationMs,
          outcome,
          day);
    }
  }

  /** The hash of an event: its content, its place and its link; the stored hash is left out. */
  public static String hash(Entry e) {
    List<Object> fields =
        Arrays.asList(
            e.chain(),
            e.seq(),
            e.prevHash(),
            e.id(),
            e.at(),
            e.username(),
            e.role(),
            e.jurisdiction(),
            e.endpoint(),
            e.sqlText(),
            e.parameters(),
            e.rowsReturned(),
            e.durationMs(),
            e.outcome(),
            e.day());
    try {
      byte[] canonical = JSON.writeValueAsString(fields).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
    } catch (JsonProcessingException | NoSuchAlgorithmException ex) {
      throw new IllegalStateException("NMIS-AUD-010: cannot hash an audit event", ex);
    }
  }

  /** The first row where a chain does not hold, and why. */
  public record Broken(String chain, long seq, String id, String reason) {}

  /**
   * A day's verification: rows read, chains found, rows written before the chain existed (no seq;
   * not checked), and the first broken link (null when every chain holds).
   */
  public record Verdict(
      String day, long rows, int chains, long unchained, boolean intact, Broken firstBroken) {}

  /**
   * Recomputes every chain of the day's rows, given in any order, and names the first broken link.
   */
  public static Verdict verify(String day, List<Entry> rows) {
    List<Entry> sorted = new ArrayList<>(rows);
    sorted.sort(ORDER);
    return verifySorted(day, sorted.iterator());
  }

  /**
   * The order {@link #verifySorted} reads rows in: rows without a chain first, then by chain and
   * seq.
   */
  public static final Comparator<Entry> ORDER =
      Comparator.comparing(Entry::chain, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
          .thenComparingLong(Entry::seq);

  /**
   * The same check over rows streamed in {@link #ORDER} (a day of a busy service does not fit in
   * memory): one row at a time, stopping at the first broken link.
   */
  public static Verdict verifySorted(String day, Iterator<Entry> rows) {
    long count = 0;
    long unchained = 0;
    int chains = 0;
    String chain = null;
    String prev = GENESIS;
    long expected = 1;
    while (rows.hasNext()) {
      Entry e = rows.next();
      count++;
      if (e.chain() == null || e.seq() <= 0) {
        unchained++;
        continue;
      }
      if (!e.chain().equals(chain)) {
        chain = e.chain();
        chains++;
        prev = GENESIS;
        expected = 1;
      }
      Broken broken = check(e, expected, prev);
      if (broken != null) {
        return new Verdict(day, count, chains, unchained, false, broken);
      }
      prev = e.hash();
      expected++;
    }
    return new Verdict(day, count, chains, unchained, true, null);
  }

  private static Broken check(Entry e, long expected, String prev) {
    if (e.seq() != expected) {
      return new Broken(
          e.chain(),
          expected,
          e.id(),
          e.seq() < expected
              ? "two rows carry seq " + e.seq() + ": one was inserted"
              : "row " + expected + " is missing: the next row has seq " + e.seq());
    }
    if (!prev.equals(e.prevHash())) {
      return new Broken(
          e.chain(), e.seq(), e.id(), "its prev_hash is not the hash of row " + (e.seq() - 1));
    }
    if (!hash(e).equals(e.hash())) {
      return new Broken(
          e.chain(), e.seq(), e.id(), "its content does not match its hash: the row was changed");
    }
    return null;
  }
}
