package org.nmis.tracing.bulk;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.nmis.model.ids.PersonId;
import org.nmis.tracing.TracingError;
import org.nmis.tracing.TracingException;
import org.nmis.tracing.TracingSettings;
import org.nmis.tracing.exposure.ExposureLevel;
import org.nmis.tracing.exposure.LevelCount;
import org.nmis.tracing.index.ContactDetails;
import org.nmis.tracing.index.ExposureSink;
import org.nmis.tracing.index.TracingIndex;
import org.nmis.tracing.lookup.MobileDirectory;

/**
 * Runs a bulk job: resolves the index cases, walks the exposures of each, and merges them so that
 * every exposed person appears once. Single-threaded and synchronous; the web layer runs it on a
 * job thread and keeps the report. 10,000 index cases on full trains make some 17 million exposures
 * and a million exposed persons, so the merge keys an identity map by the index's canonical person
 * instances and sorts on packed numeric keys.
 */
public final class BulkTrace {
  private final TracingIndex index;
  private final IndexCaseResolver resolver;
  private final TracingSettings settings;

  public BulkTrace(TracingIndex index, MobileDirectory mobiles, TracingSettings settings) {
    this.index = index;
    this.resolver = new IndexCaseResolver(index, mobiles);
    this.settings = settings;
  }

  /**
   * Traces every index case (mobiles or person IDs, as typed) over the window, inclusive.
   *
   * @throws TracingException NO_INDEX_CASES, TOO_MANY_INDEX_CASES, INVALID_DATE_WINDOW
   */
  public BulkReport run(List<String> inputs, LocalDate from, LocalDate to) {
    TracingIndex.checkWindow(from, to);
    if (inputs.isEmpty()) {
      throw new TracingException(
          TracingError.NO_INDEX_CASES,
          "the job lists no index cases; send mobiles or"
              + " person IDs, one per element or CSV line");
    }
    if (inputs.size() > settings.maxIndexCases()) {
      throw new TracingException(
          TracingError.TOO_MANY_INDEX_CASES,
          "the job lists "
              + inputs.size()
              + " index cases, more than "
              + settings.maxIndexCases()
              + " per job; split it into several jobs");
    }
    List<ResolvedCase> resolved = new ArrayList<>();
    List<UnresolvedInput> unresolved = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      IndexCaseResolver.Resolution r = resolver.resolve(inputs.get(i));
      if (r.reason() != null) {
        unresolved.add(new UnresolvedInput(i + 1, inputs.get(i), r.reason(), r.message()));
      }
      for (PersonId p : r.persons()) {
        resolved.add(new ResolvedCase(i + 1, inputs.get(i), p));
      }
    }
    Map<PersonId, Exposed> exposed = new IdentityHashMap<>();
    Set<PersonId> traced = new HashSet<>();
    for (ResolvedCase c : resolved) {
      if (!traced.add(c.personId())) {
        continue; // the same person given twice, or by mobile and by ID
      }
      try {
        index.forEachExposure(c.personId(), from, to, new Merge(exposed, c.personId()));
      } catch (TracingException e) {
        // Removed from the index since it was resolved (a deleted registration): reported, not
        // dropped.
        traced.remove(c.personId());
        unresolved.add(
            new UnresolvedInput(
                c.position(), c.input(), UnresolvedReason.UNKNOWN_PERSON_ID, e.detail()));
      }
    }
    return report(from, to, resolved, unresolved, traced, byPerson(exposed));
  }

  /**
   * The identity map by person. A person removed and indexed again during the job has two
   * instances; their entries are merged here, so that the list still names everyone once.
   */
  private static Map<PersonId, Exposed> byPerson(Map<PersonId, Exposed> byInstance) {
    Map<PersonId, Exposed> out = new HashMap<>(byInstance.size() * 4 / 3 + 1);
    byInstance.forEach((id, e) -> out.merge(id, e, Exposed::merge));
    return out;
  }

  private BulkReport report(
      LocalDate from,
      LocalDate to,
      List<ResolvedCase> resolved,
      List<UnresolvedInput> unresolved,
      Set<PersonId> cases,
      Map<PersonId, Exposed> exposed) {
    int levels = ExposureLevel.values().length;
    int[] persons = new int[levels];
    int[] travellers = new int[levels];
    Map<District, List<Row>> byDistrict =
        new TreeMap<>(
            Comparator.comparingInt(District::code).thenComparingInt(District::stateCode));
    for (Map.Entry<PersonId, Exposed> entry : exposed.entrySet()) {
      Optional<ContactDetails> details = index.details(entry.getKey());
      if (details.isEmpty()) {
        continue; // removed from the index while the job ran, like a contact of a single lookup
      }
      Exposed e = entry.getValue();
      ExposedPerson p =
          e.toPerson(
              entry.getKey(), details.get(), cases.contains(entry.getKey()), settings.followUp());
      persons[p.level().ordinal()]++;
      for (int slot = 0; slot <= Exposed.MAX_COMPANION; slot++) {
        int code = e.code(slot);
        if (code > 0) {
          travellers[code - 1]++;
        }
      }
      byDistrict
          .computeIfAbsent(
              new District(p.destinationStateCode(), p.destinationDistrictCode()),
              k -> new ArrayList<>())
          .add(new Row(sortKey(p), p));
    }
    List<LevelCount> counts = new ArrayList<>(levels);
    for (ExposureLevel l : ExposureLevel.values()) {
      counts.add(new LevelCount(l, persons[l.ordinal()], travellers[l.ordinal()]));
    }
    List<DistrictList> districts = new ArrayList<>(byDistrict.size());
    byDistrict.forEach(
        (k, rows) -> {
          rows.sort(Comparator.comparingLong(Row::key));
          districts.add(
              new DistrictList(k.stateCode(), k.code(), rows.stream().map(Row::person).toList()));
        });
    return new BulkReport(from, to, resolved, unresolved, cases.size(), counts, districts);
  }

  private record District(int stateCode, int code) {}

  /**
   * A line of a list with its sort key: comparing longs beats following three references per
   * comparison.
   */
  private record Row(long key, ExposedPerson person) {}

  /**
   * Level, then person ID, as one long. A canonical ID is ten symbols of 0-9 and A-Z (hyphen at a
   * fixed place), so reading each symbol as a digit of base 43 ('0' to 'Z') keeps the IDs' text
   * order: 43^10 * 4 < 2^63.
   */
  static long sortKey(ExposedPerson p) {
    String id = p.personId().value();
    long key = p.level().ordinal();
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c != '-') {
        key = key * 43 + (c - '0');
      }
    }
    return key;
  }

  /**
   * Merges one index case's exposures into the job's map. Travellers of a party mostly come one
   * after the other, so the last person's entry is kept at hand.
   */
  private static final class Merge implements ExposureSink {
    private final Map<PersonId, Exposed> exposed;
    private final PersonId indexCase;
    private PersonId lastRegistrant;
    private Exposed last;

    Merge(Map<PersonId, Exposed> exposed, PersonId indexCase) {
      this.exposed = exposed;
      this.indexCase = indexCase;
    }

    @Override
    public void exposed(PersonId registrant, int companion, ExposureLevel level, LocalDate date) {
      if (registrant != lastRegistrant) {
        lastRegistrant = registrant;
        last = exposed.computeIfAbsent(registrant, k -> new Exposed());
      }
      last.add(indexCase, companion, level, date.toEpochDay());
    }
  }

  /**
   * One exposed person so far, kept small because a job holds a million: the index cases met, the
   * strongest level of each traveller packed in one long (3 bits per companion number, 0 for none,
   * else level ordinal + 1) and the last exposure as an epoch day.
   */
  private static final class Exposed {
    /** The validator's limit on persons accompanying: 21 slots of 3 bits fill 63 bits. */
    static final int MAX_COMPANION = 20;

    final List<PersonId> met = new ArrayList<>(2);
    PersonId lastCase;
    long levels;
    long lastDay = Long.MIN_VALUE;

    void add(PersonId indexCase, int companion, ExposureLevel level, long day) {
      // Cases are walked one after the other: a case met already is the last one added.
      if (indexCase != lastCase) {
        lastCase = indexCase;
        met.add(indexCase);
      }
      strengthen(Math.min(companion, MAX_COMPANION), level.ordinal() + 1);
      lastDay = Math.max(lastDay, day);
    }

    /**
     * Folds another instance's entry for the same person into this one (after every case was
     * walked).
     */
    Exposed merge(Exposed other) {
      other.met.stream().filter(c -> !met.contains(c)).forEach(met::add);
      for (int slot = 0; slot <= MAX_COMPANION; slot++) {
        if (other.code(slot) > 0) {
          strengthen(slot, other.code(slot));
        }
      }
      lastDay = Math.max(lastDay, other.lastDay);
      return this;
    }

    private void strengthen(int slot, long code) {
      int shift = 3 * slot;
      long current = (levels >>> shift) & 7;
      if (current == 0 || code < current) {
        levels = levels & ~(7L << shift) | code << shift;
      }
    }

    int code(int slot) {
      return (int) ((levels >>> 3 * slot) & 7);
    }

    ExposedPerson toPerson(PersonId id, ContactDetails d, boolean isIndexCase, Period followUp) {
      met.sort(Comparator.comparing(PersonId::value));
      int travellers = 0;
      int strongest = Integer.MAX_VALUE;
      for (int slot = 0; slot <= MAX_COMPANION; slot++) {
        int code = code(slot);
        if (code > 0) {
          travellers++;
          strongest = Math.min(strongest, code);
        }
      }
      LocalDate last = LocalDate.ofEpochDay(lastDay);
      return new ExposedPerson(
          id,
          d.name(),
          d.mobile(),
          d.destinationStateCode(),
          d.destinationDistrictCode(),
          d.personsAccompanying(),
          ExposureLevel.values()[strongest - 1],
          travellers,
          met,
          isIndexCase,
          last,
          last.plus(followUp));
    }
  }
}
