package org.nmis.tracing.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.model.ids.PersonId;
import org.nmis.model.ids.RequestId;
import org.nmis.model.registration.Category;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;
import org.nmis.movement.allocation.CoachManifest;
import org.nmis.movement.allocation.Manifest;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.allocation.Traveller;
import org.nmis.movement.booking.TrainBooking;
import org.nmis.movement.layout.Coach;
import org.nmis.movement.layout.MiddleBerthPolicy;
import org.nmis.movement.layout.Rake;
import org.nmis.movement.testing.MovementFixtures;
import org.nmis.tracing.journeys.ManifestedTrain;

/**
 * Named registrations and hand-seated trains for tracing tests. Builders let a test state only what
 * matters: {@code registration(7).bus("MH12 AB 1234").on(MAY_20).build()}, or {@code
 * train(1).seat(1, "S1", 1).companion(1, 1, "S1", 2).build()}. SL_ICF bays hold berths 1-8, 9-16,
 * ... 65-72.
 */
public final class TracingFixtures {
  public static final int MAHARASHTRA = MovementFixtures.MAHARASHTRA;
  public static final int PUNE = MovementFixtures.PUNE;
  public static final int MUMBAI = MovementFixtures.MUMBAI;
  public static final int UTTAR_PRADESH = MovementFixtures.UTTAR_PRADESH;
  public static final int GORAKHPUR = MovementFixtures.GORAKHPUR;
  public static final int BIHAR = MovementFixtures.BIHAR;
  public static final int PATNA = MovementFixtures.PATNA;

  /** 18 May 2020, the movement fixtures' travel date, and the days after. */
  public static final LocalDate MAY_18 = MovementFixtures.TRAVEL_DATE;

  public static final LocalDate MAY_19 = MAY_18.plusDays(1);
  public static final LocalDate MAY_20 = MAY_18.plusDays(2);
  public static final Instant T0 = MovementFixtures.T0;

  /** Train 01901 Pune - Gorakhpur. */
  public static final String PUNE_GORAKHPUR = "01901";

  /** Train 02020 Mumbai LTT - Patna. */
  public static final String LTT_PATNA = "02020";

  private TracingFixtures() {}

  public static PersonId person(int n) {
    return MovementFixtures.person(n);
  }

  public static RequestId request(int n) {
    return MovementFixtures.requestId(n);
  }

  /** Person n's mobile: +91 9000 0 followed by n in five digits. */
  public static String mobile(int n) {
    return String.format("+9190000%05d", n);
  }

  /** Person n: 30, male, alone, from Pune to Gorakhpur by train on 18 May, no vehicle named. */
  public static RegistrationBuilder registration(int n) {
    return new RegistrationBuilder(n);
  }

  /**
   * Request n's manifest on train 01901 Pune - Gorakhpur on 18 May, a rake of 2 SL coaches (S1,
   * S2), from Pune district to Uttar Pradesh. Travellers go to Gorakhpur unless seated with another
   * district.
   */
  public static TrainBuilder train(int request) {
    return new TrainBuilder(request);
  }

  public static final class RegistrationBuilder {
    private final int n;
    private String name;
    private String mobile;
    private TravelMode mode = TravelMode.TRAIN;
    private LocalDate date = MAY_18;
    private String vehicleRef;
    private int accompanying;
    private int originState = MAHARASHTRA;
    private int originDistrict = PUNE;
    private int destinationState = UTTAR_PRADESH;
    private int destinationDistrict = GORAKHPUR;

    RegistrationBuilder(int n) {
      this.n = n;
      this.name = "Person " + n;
      this.mobile = TracingFixtures.mobile(n);
    }

    public RegistrationBuilder name(String name) {
      this.name = name;
      return this;
    }

    public RegistrationBuilder mobile(String normalisedMobile) {
      this.mobile = normalisedMobile;
      return this;
    }

    public RegistrationBuilder on(LocalDate date) {
      this.date = date;
      return this;
    }

    public RegistrationBuilder bus(String vehicleRef) {
      this.mode = TravelMode.BUS;
      this.vehicleRef = vehicleRef;
      return this;
    }

    /** A train journey naming the train (or any vehicle reference) but not seated by a manifest. */
    public RegistrationBuilder trainRef(String vehicleRef) {
      this.mode = TravelMode.TRAIN;
      this.vehicleRef = vehicleRef;
      return this;
    }

    public RegistrationBuilder accompanying(int persons) {
      this.accompanying = persons;
      return this;
    }

    public RegistrationBuilder from(int stateCode, int districtCode) {
      this.originState = stateCode;
      this.originDistrict = districtCode;
      return this;
    }

    public RegistrationBuilder to(int stateCode, int districtCode) {
      this.destinationState = stateCode;
      this.destinationDistrict = districtCode;
      return this;
    }

    public StoredRegistration build() {
      Registration r =
          new Registration(
              MAHARASHTRA,
              "MH-TEST-" + n,
              name,
              30,
              Gender.M,
              mobile,
              null,
              null,
              originState,
              originDistrict,
              destinationState,
              destinationDistrict,
              date,
              mode,
              accompanying,
              null,
              Category.LABOUR,
              vehicleRef);
      return new StoredRegistration(person(n), r, 1, "mh-state", T0, "mh-state", T0);
    }
  }

  public static final class TrainBuilder {
    private final int request;
    private String trainNumber = PUNE_GORAKHPUR;
    private LocalDate date = MAY_18;
    private Rake rake = MovementFixtures.coaches(2);
    private Integer originDistrict = PUNE;
    private int destinationState = UTTAR_PRADESH;
    private final List<ManifestLine> lines = new ArrayList<>();

    TrainBuilder(int request) {
      this.request = request;
    }

    public TrainBuilder number(String trainNumber) {
      this.trainNumber = trainNumber;
      return this;
    }

    public TrainBuilder on(LocalDate date) {
      this.date = date;
      return this;
    }

    public TrainBuilder coaches(int n) {
      this.rake = MovementFixtures.coaches(n);
      return this;
    }

    /** A request of the whole state: no origin district. */
    public TrainBuilder wholeState() {
      this.originDistrict = null;
      return this;
    }

    public TrainBuilder to(int stateCode) {
      this.destinationState = stateCode;
      return this;
    }

    /** Person n, the registrant, at the berth; going to Gorakhpur. */
    public TrainBuilder seat(int person, String coach, int berth) {
      return seat(person, 0, coach, berth, GORAKHPUR);
    }

    /** Person n's companion number {@code companion} ({@code <id>+companion}) at the berth. */
    public TrainBuilder companion(int person, int companion, String coach, int berth) {
      return seat(person, companion, coach, berth, GORAKHPUR);
    }

    public TrainBuilder seat(
        int person, int companion, String coach, int berth, int destinationDistrict) {
      PersonId id = person(person);
      String suffix = companion == 0 ? "" : " +" + companion;
      Traveller t =
          new Traveller(
              id.value() + (companion == 0 ? "" : "+" + companion),
              id,
              companion,
              "Person " + person + suffix,
              companion == 0 ? 30 : null,
              companion == 0 ? Gender.M : null,
              null,
              destinationDistrict);
      Coach c =
          rake.coaches().stream().filter(x -> x.name().equals(coach)).findFirst().orElse(null);
      lines.add(
          new ManifestLine(
              coach,
              berth,
              c == null || berth > c.layout().berths().size()
                  ? null
                  : c.layout().berths().get(berth - 1).type(),
              t));
      return this;
    }

    public TrainBooking booking() {
      return new TrainBooking(
          trainNumber,
          date,
          MovementFixtures.PUNE_JN,
          MovementFixtures.GORAKHPUR_JN,
          rake,
          MiddleBerthPolicy.OCCUPIED);
    }

    public ManifestedTrain build() {
      Map<String, List<ManifestLine>> byCoach = new LinkedHashMap<>();
      for (Coach c : rake.coaches()) {
        byCoach.put(c.name(), new ArrayList<>());
      }
      for (ManifestLine l : lines) {
        byCoach.computeIfAbsent(l.coach(), k -> new ArrayList<>()).add(l);
      }
      List<CoachManifest> coaches = new ArrayList<>();
      byCoach.forEach(
          (name, in) -> {
            in.sort(Comparator.comparingInt(ManifestLine::berth));
            coaches.add(new CoachManifest(name, Rake.SHRAMIK_LAYOUT, 72, in));
          });
      return new ManifestedTrain(
          request(request),
          booking(),
          new Manifest(coaches, List.of()),
          MAHARASHTRA,
          originDistrict,
          destinationState);
    }
  }
}
