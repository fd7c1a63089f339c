package org.nmis.ingestion.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nmis.model.privacy.MobileNumbers;
import org.nmis.model.privacy.Verhoeff;
import org.nmis.model.registration.Field;
import org.nmis.model.registration.RegistrationInput;

/**
 * Draws the rows of one run: new registrations as state portals sent them in 2020, the same rows
 * broken by {@link Defect}s, and corrections of earlier rows. Holds the run's mutable state (its
 * random source, each state's record numbering, the group being registered), so it belongs to one
 * run and one thread.
 */
final class Rows {
  /**
   * Share of new rows that carry a group_ref: a family, or workers of one site travelling together.
   */
  static final double GROUPED_SHARE = 0.30;

  private static final int SMALLEST_GROUP = 2;
  // Weights of group sizes 2, 3, 4, 5: mostly couples and small families.
  private static final double[] GROUP_SIZE_WEIGHTS = {40, 30, 20, 10};
  private static final AliasSampler GROUP_SIZES = new AliasSampler(GROUP_SIZE_WEIGHTS);
  private static final double GROUP_START = groupStart();

  /**
   * Share of groups that are families; the others are co-workers, men, as most labour groups were.
   */
  private static final double FAMILY_GROUPS = 0.6;

  static final double SOURCE_IS_ORIGIN = 0.70;
  static final double DEVANAGARI_SHARE = 0.25;

  /** Share of Latin-script names typed in capitals, as many district sheets were. */
  private static final double CAPITALS_SHARE = 0.15;

  // Labour migration was mostly men: with the families' women and girls about four in five rows are
  // men.
  // T and U are rare but must appear.
  private static final AliasSampler GENDERS = AliasSampler.of(84, 15, 0.5, 0.5);
  private static final int MALE = 0;
  private static final int FEMALE = 1;
  private static final String[] GENDER_LETTERS = {"M", "F", "T", "U"};
  private static final String[] GENDER_WORDS = {"Male", "Female", "Transgender", "Undisclosed"};
  private static final AliasSampler MODES = AliasSampler.of(80, 18, 2);
  private static final String[] MODE_TEXTS = {"TRAIN", "BUS", "OTHER"};
  private static final int TRAIN = 0;
  private static final int BUS = 1;
  private static final String[] MODE_TITLES = {"Train", "Bus", "Other"};
  private static final AliasSampler CATEGORIES = AliasSampler.of(85, 5, 3, 3, 2, 2);
  private static final String[] CATEGORY_TEXTS = {
    "LABOUR", "STUDENT", "TOURIST", "PILGRIM", "OTHER", null
  };
  private static final int LABOUR = 0;
  private static final int STUDENT = 1;
  // Companions of someone registering alone: mostly none, rarely more than four.
  private static final AliasSampler ACCOMPANYING = AliasSampler.of(55, 15, 12, 8, 5, 2, 1, 1, 1);
  // First digits of Indian mobile numbers, 9 and 8 and 7 being the old series.
  private static final AliasSampler MOBILE_FIRST = AliasSampler.of(10, 25, 25, 40);
  private static final AliasSampler MOBILE_FORMATS = AliasSampler.of(45, 20, 10, 5, 15, 5);
  private static final AliasSampler AADHAAR_FORMATS = AliasSampler.of(65, 30, 5);

  private static final String[] BLANKS = {"", " "};
  private static final String[] BAD_AGES = {"150", "121", "999", "-1", "200"};
  private static final String[] BAD_GENDERS = {"X", "O", "Other", "पुरुष", "2"};
  private static final String[] LANDLINE_CODES = {"011-", "022-", "033-", "0522-"};
  private static final String[] UNKNOWN_STATES = {"25", "26", "0", "99"};
  private static final String[] UNKNOWN_DISTRICTS = {"0", "9999", "99999"};
  private static final String[] IMPOSSIBLE_DATES = {
    "31-02-2020",
    "30-02-2020",
    "2020-06-31",
    "31/04/2020",
    "2020-13-05",
    "31/06/2020",
    "2020-09-31",
    "18.05.2020",
    "05/18/2020"
  };
  private static final String[] BAD_MODES = {"TRUCK", "WALK", "FLIGHT", "SHRAMIK", "CAR"};
  private static final String[] BAD_ACCOMPANYING = {"25", "40", "-1", "150"};
  private static final String[] BAD_CATEGORIES = {"MIGRANT", "WORKER", "MAZDOOR", "LABOR"};

  private static final Defect[] DEFECTS = Defect.values();
  private static final AliasSampler DEFECT_WEIGHTS =
      new AliasSampler(Arrays.stream(DEFECTS).mapToDouble(Defect::weight).toArray());

  /** Share of invalid rows that break a second rule as well. */
  private static final double SECOND_DEFECT = 0.20;

  /**
   * Values the members of one group share; co-workers have no family surname (-1) and each their
   * own phone.
   */
  private record Group(
      Trip trip,
      String groupRef,
      boolean family,
      int surname,
      int script,
      int size,
      String mobile,
      String category) {}

  /** Where and how a row travels. */
  private record Trip(
      int source,
      int origin,
      String originDistrict,
      int destination,
      String destinationDistrict,
      TravelDates.Written date,
      int mode,
      String vehicleRef) {}

  private final SplittableRandom random;
  private final Geography geography;
  private final TravelDates dates;
  private final double aadhaarRate;
  private final long[] sequences;
  private long groups;
  private Group group;
  private int groupMember;

  Rows(SplittableRandom random, double aadhaarRate, Geography geography, TravelDates dates) {
    this.random = random;
    this.geography = geography;
    this.dates = dates;
    this.aadhaarRate = aadhaarRate;
    this.sequences = new long[geography.stateCodeLimit()];
  }

  // ---- new rows ----

  /**
   * A new valid row: someone travelling alone, or the next member of the group being registered.
   */
  RegistrationInput next() {
    if (group != null && groupMember < group.size()) {
      return member(group, groupMember++);
    }
    group = null;
    if (random.nextDouble() < GROUP_START) {
      group = newGroup();
      groupMember = 1;
      return member(group, 0);
    }
    String category = category();
    boolean student = category != null && category.equals(CATEGORY_TEXTS[STUDENT]);
    int gender = GENDERS.next(random);
    int age = student ? 17 + random.nextInt(9) : age();
    int accompanying = ACCOMPANYING.next(random);
    return row(
        trip(),
        name(gender == FEMALE, -1, script()),
        gender,
        age,
        mobile(),
        category,
        accompanying,
        null);
  }

  private Group newGroup() {
    Trip trip = trip();
    boolean family = random.nextDouble() < FAMILY_GROUPS;
    String ref = (family ? "FAM-" : "GRP-") + geography.prefix(trip.source()) + "-" + (++groups);
    return new Group(
        trip,
        ref,
        family,
        family ? Names.familySurname(random) : -1,
        script(),
        SMALLEST_GROUP + GROUP_SIZES.next(random),
        family ? mobile() : null,
        family ? category() : CATEGORY_TEXTS[LABOUR]);
  }

  // The chance q that a row not in a group starts one, so that grouped rows make GROUPED_SHARE of
  // all rows:
  // with mean group size m, share = q*m / (q*m + 1 - q), solved for q.
  private static double groupStart() {
    double total = 0;
    double sizes = 0;
    for (int i = 0; i < GROUP_SIZE_WEIGHTS.length; i++) {
      total += GROUP_SIZE_WEIGHTS[i];
      sizes += GROUP_SIZE_WEIGHTS[i] * (SMALLEST_GROUP + i);
    }
    double mean = sizes / total;
    return GROUPED_SHARE / (mean * (1 - GROUPED_SHARE) + GROUPED_SHARE);
  }

  // A family is registered by its head, mostly the man, then the spouse, then children or an
  // elderly parent.
  private RegistrationInput member(Group g, int index) {
    if (!g.family()) {
      return row(
          g.trip(),
          name(false, -1, g.script()),
          MALE,
          18 + random.nextInt(28),
          mobile(),
          g.category(),
          g.size() - 1,
          g.groupRef());
    }
    int gender;
    int age;
    if (index == 0) {
      gender = random.nextInt(10) == 0 ? FEMALE : MALE;
      age = 20 + random.nextInt(31);
    } else if (index == 1) {
      gender = random.nextInt(7) == 0 ? MALE : FEMALE;
      age = 18 + random.nextInt(33);
    } else {
      gender = random.nextInt(2);
      age = random.nextInt(5) == 0 ? 55 + random.nextInt(26) : random.nextInt(18);
    }
    // A family usually gave the head's number; adults sometimes their own.
    String mobile = age >= 18 && random.nextInt(3) == 0 ? mobile() : g.mobile();
    return row(
        g.trip(),
        name(gender == FEMALE, g.surname(), g.script()),
        gender,
        age,
        mobile,
        g.category(),
        g.size() - 1,
        g.groupRef());
  }

  private RegistrationInput row(
      Trip trip,
      String name,
      int gender,
      int age,
      String mobile,
      String category,
      int accompanying,
      String groupRef) {
    return RegistrationInput.builder()
        .set(Field.SOURCE_STATE_CODE, geography.stateText(trip.source()))
        .set(Field.SOURCE_RECORD_ID, recordId(trip.source()))
        .set(Field.NAME, name)
        .set(Field.AGE, age)
        .set(Field.GENDER, random.nextInt(10) == 0 ? GENDER_WORDS[gender] : GENDER_LETTERS[gender])
        .set(Field.MOBILE, mobile)
        .set(Field.AADHAAR, random.nextDouble() < aadhaarRate ? aadhaar() : null)
        .set(Field.ORIGIN_STATE_CODE, geography.stateText(trip.origin()))
        .set(Field.ORIGIN_DISTRICT_CODE, trip.originDistrict())
        .set(Field.DESTINATION_STATE_CODE, geography.stateText(trip.destination()))
        .set(Field.DESTINATION_DISTRICT_CODE, trip.destinationDistrict())
        .set(Field.TRAVEL_DATE, dates.text(trip.date()))
        .set(
            Field.MODE,
            random.nextInt(10) == 0 ? MODE_TITLES[trip.mode()] : MODE_TEXTS[trip.mode()])
        .set(Field.PERSONS_ACCOMPANYING, accompanying)
        .set(Field.GROUP_REF, groupRef)
        .set(Field.CATEGORY, category)
        .set(Field.VEHICLE_REF, trip.vehicleRef())
        .build();
  }

  private Trip trip() {
    int flow = geography.flow(random);
    int origin = geography.origin(flow);
    int destination = geography.destination(flow);
    int source = random.nextDouble() < SOURCE_IS_ORIGIN ? origin : destination;
    int mode = MODES.next(random);
    String vehicle = null;
    // Shramik Special trains ran under five-digit numbers starting 0; buses are known by their
    // plates.
    if (mode == TRAIN && random.nextInt(4) == 0) {
      vehicle = "0" + (1000 + random.nextInt(9000));
    } else if (mode == BUS && random.nextInt(10) == 0) {
      vehicle =
          geography.prefix(origin)
              + " "
              + (10 + random.nextInt(90))
              + " "
              + (char) ('A' + random.nextInt(26))
              + (char) ('A' + random.nextInt(26))
              + " "
              + (1000 + random.nextInt(9000));
    }
    return new Trip(
        source,
        origin,
        geography.randomDistrict(random, origin),
        destination,
        geography.randomDistrict(random, destination),
        dates.draw(random),
        mode,
        vehicle);
  }

  private String name(boolean female, int surname, int script) {
    String name = Names.name(random, female, surname, script);
    return script == Names.LATIN && random.nextDouble() < CAPITALS_SHARE
        ? name.toUpperCase(Locale.ROOT)
        : name;
  }

  private int script() {
    return random.nextDouble() < DEVANAGARI_SHARE ? Names.DEVANAGARI : Names.LATIN;
  }

  private String category() {
    return CATEGORY_TEXTS[CATEGORIES.next(random)];
  }

  // Working age for nine in ten, peaking in the mid twenties; a few teenage workers and elderly
  // people alone.
  private int age() {
    int kind = random.nextInt(100);
    if (kind < 3) {
      return 14 + random.nextInt(4);
    }
    if (kind < 8) {
      return 61 + random.nextInt(25);
    }
    return (int) triangular(18, 26, 61);
  }

  private double triangular(double min, double mode, double max) {
    double u = random.nextDouble();
    double split = (mode - min) / (max - min);
    return u < split
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }

  private String recordId(int source) {
    char[] seq = new char[7];
    long n = ++sequences[source];
    for (int i = seq.length - 1; i >= 0; i--, n /= 10) {
      seq[i] = (char) ('0' + n % 10);
    }
    return geography.prefix(source) + "-2020-" + new String(seq);
  }

  /** A valid mobile number written one of the ways state sheets wrote them. */
  private String mobile() {
    String d = mobileDigits();
    return switch (MOBILE_FORMATS.next(random)) {
      case 0 -> d;
      case 1 -> "+91" + d;
      case 2 -> "0" + d;
      case 3 -> "91" + d;
      case 4 -> "+91 " + d.substring(0, 5) + " " + d.substring(5);
      default -> "+91-" + d;
    };
  }

  private String mobileDigits() {
    char[] d = new char[10];
    d[0] = (char) ('6' + MOBILE_FIRST.next(random));
    int rest = random.nextInt(1_000_000_000);
    for (int i = 9; i > 0; i--, rest /= 10) {
      d[i] = (char) ('0' + rest % 10);
    }
    return new String(d);
  }

  private String aadhaar() {
    return aadhaarText(validAadhaar());
  }

  // Twelve digits, the first 2-9, the last the Verhoeff check digit.
  private String validAadhaar() {
    char[] d = new char[12];
    d[0] = (char) ('2' + random.nextInt(8));
    long rest = random.nextLong(10_000_000_000L);
    for (int i = 10; i > 0; i--, rest /= 10) {
      d[i] = (char) ('0' + rest % 10);
    }
    d[11] = Verhoeff.checkDigit(new String(d, 0, 11));
    return new String(d);
  }

  private String aadhaarText(String digits) {
    return switch (AADHAAR_FORMATS.next(random)) {
      case 0 -> digits;
      case 1 -> digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8);
      default -> digits.substring(0, 4) + "-" + digits.substring(4, 8) + "-" + digits.substring(8);
    };
  }

  // ---- invalid rows ----

  /** One defect, or two of different parts of the row. */
  List<Defect> defects() {
    Defect first = DEFECTS[DEFECT_WEIGHTS.next(random)];
    if (random.nextDouble() >= SECOND_DEFECT) {
      return List.of(first);
    }
    Defect second;
    do {
      second = DEFECTS[DEFECT_WEIGHTS.next(random)];
    } while (second.part() == first.part());
    return List.of(first, second);
  }

  /** The row with each defect applied; each makes the validator report its one error. */
  RegistrationInput broken(RegistrationInput row, List<Defect> defects) {
    RegistrationInput.Builder b = row.toBuilder();
    for (Defect d : defects) {
      breakRow(b, row, d);
    }
    return b.build();
  }

  private void breakRow(RegistrationInput.Builder b, RegistrationInput row, Defect defect) {
    int source = Integer.parseInt(row.get(Field.SOURCE_STATE_CODE));
    int origin = Integer.parseInt(row.get(Field.ORIGIN_STATE_CODE));
    int destination = Integer.parseInt(row.get(Field.DESTINATION_STATE_CODE));
    boolean originSide = random.nextBoolean();
    switch (defect) {
      case BLANK_NAME -> b.set(Field.NAME, random.nextInt(3) == 0 ? null : pick(BLANKS));
      case NAME_NOT_A_NAME ->
          b.set(Field.NAME, notAName(row.get(Field.NAME), row.get(Field.MOBILE)));
      case AGE_OUT_OF_RANGE -> b.set(Field.AGE, pick(BAD_AGES));
      case AGE_NOT_A_NUMBER -> b.set(Field.AGE, notANumber(row.get(Field.AGE)));
      case GENDER_UNKNOWN -> b.set(Field.GENDER, pick(BAD_GENDERS));
      case MOBILE_MALFORMED -> b.set(Field.MOBILE, malformedMobile());
      case MOBILE_MISSING -> b.set(Field.MOBILE, random.nextBoolean() ? null : "");
      case AADHAAR_MISTYPED -> b.set(Field.AADHAAR, aadhaarText(mistyped(validAadhaar())));
      case AADHAAR_MALFORMED -> b.set(Field.AADHAAR, malformedAadhaar());
      // The state that is not the uploader gets the code: an unknown uploader would also hide other
      // checks.
      case STATE_UNKNOWN ->
          b.set(
              source == origin ? Field.DESTINATION_STATE_CODE : Field.ORIGIN_STATE_CODE,
              pick(UNKNOWN_STATES));
      case DISTRICT_UNKNOWN ->
          b.set(
              originSide ? Field.ORIGIN_DISTRICT_CODE : Field.DESTINATION_DISTRICT_CODE,
              random.nextBoolean()
                  ? pick(UNKNOWN_DISTRICTS)
                  : districtName(originSide ? origin : destination));
      case DISTRICT_OF_ANOTHER_STATE ->
          b.set(
              originSide ? Field.ORIGIN_DISTRICT_CODE : Field.DESTINATION_DISTRICT_CODE,
              geography.randomDistrict(random, geography.otherState(random, origin, destination)));
      // The uploader's own side is kept, so that it stays a party to the journey.
      case SAME_DISTRICT -> {
        if (source == origin) {
          b.set(Field.DESTINATION_STATE_CODE, row.get(Field.ORIGIN_STATE_CODE))
              .set(Field.DESTINATION_DISTRICT_CODE, row.get(Field.ORIGIN_DISTRICT_CODE));
        } else {
          b.set(Field.ORIGIN_STATE_CODE, row.get(Field.DESTINATION_STATE_CODE))
              .set(Field.ORIGIN_DISTRICT_CODE, row.get(Field.DESTINATION_DISTRICT_CODE));
        }
      }
      case SOURCE_NOT_A_PARTY -> {
        int uploader = geography.otherState(random, origin, destination);
        b.set(Field.SOURCE_STATE_CODE, geography.stateText(uploader))
            .set(Field.SOURCE_RECORD_ID, recordId(uploader));
      }
      case IMPOSSIBLE_DATE -> b.set(Field.TRAVEL_DATE, pick(IMPOSSIBLE_DATES));
      case MODE_UNKNOWN -> b.set(Field.MODE, pick(BAD_MODES));
      case TOO_MANY_ACCOMPANYING -> b.set(Field.PERSONS_ACCOMPANYING, pick(BAD_ACCOMPANYING));
      case CATEGORY_UNKNOWN -> b.set(Field.CATEGORY, pick(BAD_CATEGORIES));
      case VEHICLE_REF_CHARACTERS ->
          b.set(
              Field.VEHICLE_REF,
              (random.nextBoolean() ? "Train no. 0" : "#0") + (1000 + random.nextInt(9000)));
    }
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }

  private String notAName(String name, String mobile) {
    return switch (random.nextInt(4)) {
      case 0 -> name + " " + (1 + random.nextInt(9));
      case 1 -> name + " S/O " + Names.name(random, false, -1, Names.LATIN);
      case 2 -> mobile;
      default -> "???";
    };
  }

  private String notANumber(String age) {
    return switch (random.nextInt(3)) {
      case 0 -> age + " yrs";
      case 1 -> age + ".5";
      default -> "approx " + age;
    };
  }

  private String malformedMobile() {
    String d = mobileDigits();
    return switch (random.nextInt(5)) {
      case 0 -> d.substring(0, 9);
      case 1 -> (char) ('1' + random.nextInt(5)) + d.substring(1);
      case 2 -> d + random.nextInt(10);
      case 3 -> d.substring(0, 5) + "O" + d.substring(6);
      default -> landline(d);
    };
  }

  // STD code and local number make eleven digits with the trunk 0; without it the number starts
  // 1-5, as no
  // mobile number does.
  private String landline(String randomDigits) {
    String code = pick(LANDLINE_CODES);
    return code + (2 + random.nextInt(8)) + randomDigits.substring(code.length() - 1);
  }

  // One digit changed or two neighbours swapped, the typing errors Verhoeff catches; never the
  // first digit, so
  // the number still looks like an Aadhaar number.
  private String mistyped(String digits) {
    char[] d = digits.toCharArray();
    int i = 1 + random.nextInt(10);
    if (random.nextBoolean() && d[i] != d[i + 1]) {
      char t = d[i];
      d[i] = d[i + 1];
      d[i + 1] = t;
    } else {
      d[i] = (char) ('0' + (d[i] - '0' + 1 + random.nextInt(9)) % 10);
    }
    return new String(d);
  }

  private String malformedAadhaar() {
    String d = validAadhaar();
    return switch (random.nextInt(4)) {
      case 0 -> "XXXX XXXX " + d.substring(8);
      case 1 -> d.substring(0, 11);
      case 2 -> d + random.nextInt(10);
      default -> (char) ('0' + random.nextInt(2)) + d.substring(1);
    };
  }

  private String districtName(int state) {
    return geography.districtName(state, random.nextInt(geography.districtCount(state)));
  }

  // ---- corrections ----

  /** What a state corrects after the fact. */
  private enum Change {
    DESTINATION_DISTRICT,
    TRAVEL_DATE,
    MOBILE,
    PERSONS_ACCOMPANYING
  }

  /**
   * The row with one or two of its values changed, as a state corrects a registration; still valid.
   */
  RegistrationInput corrected(RegistrationInput row) {
    List<Change> options = new ArrayList<>(List.of(Change.values()));
    int destination = Integer.parseInt(row.get(Field.DESTINATION_STATE_CODE));
    if (geography.districtCount(destination) < 2) {
      options.remove(Change.DESTINATION_DISTRICT);
    }
    RegistrationInput.Builder b = row.toBuilder();
    int changes = random.nextInt(10) < 7 ? 1 : 2;
    for (int i = 0; i < changes; i++) {
      switch (options.remove(random.nextInt(options.size()))) {
        case DESTINATION_DISTRICT ->
            b.set(
                Field.DESTINATION_DISTRICT_CODE,
                otherDistrict(destination, row.get(Field.DESTINATION_DISTRICT_CODE)));
        case TRAVEL_DATE ->
            b.set(
                Field.TRAVEL_DATE,
                dates.text(
                    dates.rescheduled(
                        random, dates.read(row.get(Field.TRAVEL_DATE)).orElseThrow())));
        case MOBILE -> b.set(Field.MOBILE, otherMobile(row.get(Field.MOBILE)));
        case PERSONS_ACCOMPANYING ->
            b.set(Field.PERSONS_ACCOMPANYING, otherCount(row.get(Field.PERSONS_ACCOMPANYING)));
      }
    }
    return b.build();
  }

  private String otherDistrict(int state, String current) {
    String d;
    do {
      d = geography.randomDistrict(random, state);
    } while (d.equals(current));
    return d;
  }

  // Another number, not the same one written differently.
  private String otherMobile(String current) {
    String normalised = MobileNumbers.normalise(current).orElseThrow();
    String m;
    do {
      m = mobile();
    } while (MobileNumbers.normalise(m).orElseThrow().equals(normalised));
    return m;
  }

  private int otherCount(String current) {
    int now = Integer.parseInt(current);
    int n;
    do {
      n = random.nextInt(7);
    } while (n == now);
    return n;
  }
}
