package org.nmis.movement.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.nmis.model.access.AccessScope;
import org.nmis.model.access.Role;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.TravelMode;
import org.nmis.model.testing.RegistrationFixtures;
import org.nmis.movement.allocation.Passenger;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.nmis.movement.request.Proposal;

/**
 * Named users, people, proposals and bookings for movement tests. Builders let a test state only
 * what it changes: {@code MovementFixtures.passenger(7).age(65).build()}.
 */
public final class MovementFixtures {
  public static final int MAHARASHTRA = RegistrationFixtures.MAHARASHTRA;
  public static final int PUNE = RegistrationFixtures.PUNE;
  public static final int MUMBAI = RegistrationFixtures.MUMBAI;
  public static final int UTTAR_PRADESH = RegistrationFixtures.UTTAR_PRADESH;
  public static final int GORAKHPUR = RegistrationFixtures.GORAKHPUR;
  public static final int BIHAR = RegistrationFixtures.BIHAR;
  public static final int PATNA = RegistrationFixtures.PATNA;

  /**
   * Station codes: Pune Jn and Lokmanya Tilak Terminus (Maharashtra), Gorakhpur Jn (UP), Patna Jn
   * (Bihar).
   */
  public static final String PUNE_JN = "PUNE";

  public static final String LTT = "LTT";
  public static final String GORAKHPUR_JN = "GKP";
  public static final String PATNA_JN = "PNBE";

  /** 10:00 on 10 May 2020 in India: when every test's clock starts. */
  public static final Instant T0 = Instant.parse("2020-05-10T04:30:00Z");

  public static final LocalDate TRAVEL_DATE = LocalDate.of(2020, 5, 18);

  private MovementFixtures() {}

  public static AccessScope mhState() {
    return new AccessScope("mh-state", Role.STATE, MAHARASHTRA, null);
  }

  public static AccessScope puneDistrict() {
    return new AccessScope("pune-district", Role.DISTRICT, MAHARASHTRA, PUNE);
  }

  public static AccessScope mumbaiDistrict() {
    return new AccessScope("mumbai-district", Role.DISTRICT, MAHARASHTRA, MUMBAI);
  }

  public static AccessScope upState() {
    return new AccessScope("up-state", Role.STATE, UTTAR_PRADESH, null);
  }

  public static AccessScope brState() {
    return new AccessScope("br-state", Role.STATE, BIHAR, null);
  }

  public static AccessScope railways() {
    return new AccessScope("railways", Role.RAILWAYS, null, null);
  }

  public static AccessScope health() {
    return new AccessScope("health", Role.HEALTH, null, null);
  }

  public static AccessScope ministry() {
    return new AccessScope("ministry", Role.MINISTRY, null, null);
  }

  /** The n-th test person's ID (a real, checked person ID under the test key). */
  public static PersonId person(int n) {
    return RegistrationFixtures.idScheme().forLogPosition(0, n);
  }

  public static List<PersonId> persons(int fromInclusive, int toInclusive) {
    return IntStream.rangeClosed(fromInclusive, toInclusive)
        .mapToObj(MovementFixtures::person)
        .toList();
  }

  public static RequestId requestId(int n) {
    return RequestId.forLogPosition(RequestId.scheme(RegistrationFixtures.TEST_ID_KEY, 0), 0, n);
  }

  /** Four people (persons 1-4) going home from Pune to Uttar Pradesh by train on 18 May 2020. */
  public static ProposalBuilder fourFromPuneToUttarPradesh() {
    return new ProposalBuilder();
  }

  /** Person n: a 30-year-old man without companions or group, going to Gorakhpur. */
  public static PassengerBuilder passenger(int n) {
    return new PassengerBuilder(n);
  }

  /** The passengers 1..n as built by {@link #passenger(int)}. */
  public static List<Passenger> passengers(int n) {
    List<Passenger> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(passenger(i).build());
    }
    return out;
  }

  /** Train 01901 Pune - Gorakhpur on the travel date, Shramik rake, middle berths sold. */
  public static TrainBooking puneToGorakhpurSpecial() {
    return TrainBooking.shramik(
        "01901", TRAVEL_DATE, PUNE_JN, GORAKHPUR_JN, MiddleBerthPolicy.OCCUPIED);
  }

  public static final class ProposalBuilder {
    private int destinationStateCode = UTTAR_PRADESH;
    private List<PersonId> passengers = persons(1, 4);
    private LocalDate date = TRAVEL_DATE;
    private TravelMode mode = TravelMode.TRAIN;
    private String station = PUNE_JN;

    public ProposalBuilder to(int stateCode) {
      this.destinationStateCode = stateCode;
      return this;
    }

    public ProposalBuilder passengers(List<PersonId> passengers) {
      this.passengers = passengers;
      return this;
    }

    public ProposalBuilder date(LocalDate date) {
      this.date = date;
      return this;
    }

    public ProposalBuilder mode(TravelMode mode) {
      this.mode = mode;
      return this;
    }

    public ProposalBuilder station(String station) {
      this.station = station;
      return this;
    }

    public Proposal build() {
      return new Proposal(destinationStateCode, passengers, date, mode, station);
    }
  }

  public static final class PassengerBuilder {
    private final int n;
    private String name;
    private int age = 30;
    private Gender gender = Gender.M;
    private String groupRef;
    private int accompanying;
    private int district = GORAKHPUR;

    PassengerBuilder(int n) {
      this.n = n;
      this.name = "Person " + n;
    }

    public PassengerBuilder name(String name) {
      this.name = name;
      return this;
    }

    public PassengerBuilder age(int age) {
      this.age = age;
      return this;
    }

    public PassengerBuilder gender(Gender gender) {
      this.gender = gender;
      return this;
    }

    public PassengerBuilder group(String groupRef) {
      this.groupRef = groupRef;
      return this;
    }

    public PassengerBuilder accompanying(int persons) {
      this.accompanying = persons;
      return this;
    }

    public PassengerBuilder district(int districtCode) {
      this.district = districtCode;
      return this;
    }

    public Passenger build() {
      return new Passenger(person(n), name, age, gender, groupRef, accompanying, district);
    }
  }

  /** A single-section rake, for small trains in tests. */
  public static Rake coaches(int n) {
    return Rake.of(Rake.SHRAMIK_LAYOUT, n);
  }
}
