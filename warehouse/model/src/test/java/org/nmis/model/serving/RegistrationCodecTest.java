package org.nmis.model.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.nmis.model.ids.PersonId;
import org.nmis.model.registration.Category;
import org.nmis.model.registration.Gender;
import org.nmis.model.registration.Registration;
import org.nmis.model.registration.StoredRegistration;
import org.nmis.model.registration.TravelMode;

/** Every value comes back exactly, the edge ones too, in about 120 bytes. */
class RegistrationCodecTest {
  private static final PersonId ID = PersonId.ofPayload(123_456_789L);

  private static Registration registration(
      String name, String token, LocalDate date, String groupRef, Category category) {
    return new Registration(
        27,
        "MH-PUNE-000001",
        name,
        34,
        Gender.M,
        "+919876543210",
        token,
        "1234",
        27,
        490,
        9,
        166,
        date,
        TravelMode.TRAIN,
        2,
        groupRef,
        category,
        "01901");
  }

  @Test
  void aTypicalRowRoundTripsInAbout120Bytes() {
    RegistrationCodec codec = new RegistrationCodec();
    StoredRegistration row =
        new StoredRegistration(
            ID,
            registration(
                "Ram Kumar",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                LocalDate.of(2020, 5, 20),
                "GRP-1",
                Category.LABOUR),
            3,
            "state-27",
            Instant.parse("2020-05-10T08:00:00.123456Z"),
            "officer:mh-demo",
            Instant.parse("2020-05-11T09:30:00Z"));
    byte[] bytes = codec.encode(row);
    assertEquals(row, codec.decode(ID, bytes));
    assertTrue(bytes.length <= 125, bytes.length + " bytes"); // 34 of them the token
  }

  @Test
  void nullsUnicodeOddTokensAndFarDatesRoundTrip() {
    RegistrationCodec codec = new RegistrationCodec();
    for (String token : new String[] {null, "ABCDEF", "abc", "not hex at all", ""}) {
      StoredRegistration row =
          new StoredRegistration(
              ID,
              registration("सीता देवी", token, LocalDate.of(1969, 12, 31), null, null),
              1,
              null,
              Instant.ofEpochSecond(-86_400, 999_999_999),
              "state-10",
              null);
      assertEquals(row, codec.decode(ID, codec.encode(row)), "token " + token);
    }
    StoredRegistration noDate =
        new StoredRegistration(
            ID,
            registration("A", null, null, "", Category.STUDENT),
            Integer.MAX_VALUE,
            "state-27",
            Instant.EPOCH,
            "state-27",
            Instant.EPOCH);
    assertEquals(noDate, codec.decode(ID, codec.encode(noDate)));
  }
}
