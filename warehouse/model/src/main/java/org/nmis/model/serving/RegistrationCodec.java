package org.nmis.model.serving;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Category;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;

/**
 * A stored registration as about 120 bytes, for the serving index: numbers as varints, text as
 * UTF-8, the Aadhaar token (hex of an HMAC) as its raw bytes, the writers' names as numbers of a
 * dictionary (a handful of state systems and officers write millions of rows). The person ID is not
 * in the bytes: it is the record's key. Every value comes back exactly as it went in.
 *
 * <p>Not thread-safe: the dictionary grows while encoding, so callers serialise encoding against
 * decoding (the index's lock does).
 */
final class RegistrationCodec {
  private static final HexFormat HEX = HexFormat.of();
  private static final Gender[] GENDERS = Gender.values();
  private static final TravelMode[] MODES = TravelMode.values();
  private static final Category[] CATEGORIES = Category.values();

  /** How the Aadhaar token is kept: absent, as the bytes of lower-case hex, or as given. */
  private static final int TOKEN_NULL = 0;

  private static final int TOKEN_HEX = 1;
  private static final int TOKEN_TEXT = 2;

  private final List<String> writers = new ArrayList<>();
  private final Map<String, Integer> writerNumbers = new HashMap<>();

  byte[] encode(StoredRegistration row) {
    Registration r = row.registration();
    Out out = new Out();
    out.varint(row.version());
    out.varint(writer(row.createdBy()));
    out.instant(row.createdAt());
    out.varint(writer(row.updatedBy()));
    out.instant(row.updatedAt());
    out.varint(r.sourceStateCode());
    out.text(r.sourceRecordId());
    out.text(r.name());
    out.varint(r.age());
    out.ordinal(r.gender());
    out.text(r.mobile());
    token(out, r.aadhaarToken());
    out.text(r.aadhaarLast4());
    out.varint(r.originStateCode());
    out.varint(r.originDistrictCode());
    out.varint(r.destinationStateCode());
    out.varint(r.destinationDistrictCode());
    out.date(r.travelDate());
    out.ordinal(r.mode());
    out.varint(r.personsAccompanying());
    out.text(r.groupRef());
    out.ordinal(r.category());
    out.text(r.vehicleRef());
    return out.bytes();
  }

  StoredRegistration decode(PersonId id, byte[] bytes) {
    In in = new In(bytes);
    int version = in.varint();
    String createdBy = writers.get(in.varint());
    Instant createdAt = in.instant();
    String updatedBy = writers.get(in.varint());
    Instant updatedAt = in.instant();
    Registration r =
        new Registration(
            in.varint(),
            in.text(),
            in.text(),
            in.varint(),
            in.ordinal(GENDERS),
            in.text(),
            token(in),
            in.text(),
            in.varint(),
            in.varint(),
            in.varint(),
            in.varint(),
            in.date(),
            in.ordinal(MODES),
            in.varint(),
            in.text(),
            in.ordinal(CATEGORIES),
            in.text());
    return new StoredRegistration(id, r, version, createdBy, createdAt, updatedBy, updatedAt);
  }

  private int writer(String name) {
    if (name == null) {
      return 0;
    }
    return writerNumbers.computeIfAbsent(
        name,
        n -> {
          if (writers.isEmpty()) {
            writers.add(null); // number 0 is "no writer"
          }
          writers.add(n);
          return writers.size() - 1;
        });
  }

  private static void token(Out out, String token) {
    if (token == null) {
      out.varint(TOKEN_NULL);
    } else if (isLowerHex(token)) {
      out.varint(TOKEN_HEX);
      out.blob(HEX.parseHex(token));
    } else {
      out.varint(TOKEN_TEXT);
      out.text(token);
    }
  }

  private static String token(In in) {
    return switch (in.varint()) {
      case TOKEN_NULL -> null;
      case TOKEN_HEX -> HEX.formatHex(in.blob());
      default -> in.text();
    };
  }

  private static boolean isLowerHex(String s) {
    if (s.length() % 2 != 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** A growing byte buffer with the few encodings records need. */
  private static final class Out {
    private byte[] buf = new byte[128];
    private int n;

    void varint(int v) {
      varlong(v & 0xFFFFFFFFL);
    }

    void varlong(long v) {
      while ((v & ~0x7FL) != 0) {
        put((byte) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      put((byte) v);
    }

    /** Seconds and nanoseconds, or a lone 0 for null (seconds are stored plus one). */
    void instant(Instant t) {
      if (t == null) {
        varlong(0);
        return;
      }
      varlong(zigzag(t.getEpochSecond()) + 1);
      varint(t.getNano());
    }

    /** The epoch day, zigzagged, plus one; 0 for null. */
    void date(LocalDate d) {
      varlong(d == null ? 0 : zigzag(d.toEpochDay()) + 1);
    }

    /** An enum's ordinal plus one, 0 for null. */
    void ordinal(Enum<?> e) {
      varint(e == null ? 0 : e.ordinal() + 1);
    }

    /** UTF-8 with its length plus one in front, 0 for null. */
    void text(String s) {
      if (s == null) {
        varint(0);
        return;
      }
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      varint(b.length + 1);
      bytes(b);
    }

    void blob(byte[] b) {
      varint(b.length);
      bytes(b);
    }

    private void bytes(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    private void put(byte b) {
      ensure(1);
      buf[n++] = b;
    }

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    byte[] bytes() {
      return Arrays.copyOf(buf, n);
    }
  }

  private static final class In {
    private final byte[] buf;
    private int at;

    In(byte[] buf) {
      this.buf = buf;
    }

    int varint() {
      return (int) varlong();
    }

    long varlong() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[at++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }

    Instant instant() {
      long seconds = varlong();
      return seconds == 0 ? null : Instant.ofEpochSecond(unzigzag(seconds - 1), varint());
    }

    LocalDate date() {
      long v = varlong();
      return v == 0 ? null : LocalDate.ofEpochDay(unzigzag(v - 1));
    }

    <E> E ordinal(E[] values) {
      int v = varint();
      return v == 0 ? null : values[v - 1];
    }

    String text() {
      int length = varint();
      if (length == 0) {
        return null;
      }
      String s = new String(buf, at, length - 1, StandardCharsets.UTF_8);
      at += length - 1;
      return s;
    }

    byte[] blob() {
      int length = varint();
      byte[] b = Arrays.copyOfRange(buf, at, at + length);
      at += length;
      return b;
    }
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
