package org.nmis.movement.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmis.movement.testing.MovementFixtures.coaches;
import static org.nmis.movement.testing.MovementFixtures.passenger;
import static org.nmis.movement.testing.MovementFixtures.person;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.model.registration.Gender;
import org.nmis.movement.layout.MiddleBerthPolicy;

class ManifestCsvTest {
  @Test
  void oneRowPerBerthWithAHeader() {
    Passenger sita =
        passenger(1)
            .name("सीता देवी")
            .age(21)
            .gender(Gender.F)
            .group("FAMILY, 17")
            .accompanying(1)
            .build();
    Manifest m =
        new ManifestAllocator()
            .allocate(coaches(1), MiddleBerthPolicy.OCCUPIED, List.of(sita), Manifest.empty());
    assertEquals(
        ManifestCsv.LINES_HEADER
            + "\r\n"
            + "S1,3,UB,"
            + person(1)
            + ",सीता देवी,21,F,\"FAMILY, 17\",148,Gorakhpur\r\n"
            + "S1,6,UB,"
            + person(1)
            + "+1,सीता देवी +1,,,\"FAMILY, 17\",148,Gorakhpur\r\n",
        ManifestCsv.lines(m));
  }

  @Test
  void overflowRowsCarryTheirReason() {
    Manifest m =
        new ManifestAllocator()
            .allocate(
                coaches(1),
                MiddleBerthPolicy.LEFT_EMPTY,
                List.of(passenger(1).accompanying(54).build()),
                Manifest.empty());
    String csv = ManifestCsv.overflow(m);
    String[] rows = csv.split("\r\n");
    assertEquals(56, rows.length);
    assertEquals(ManifestCsv.OVERFLOW_HEADER, rows[0]);
    assertEquals(
        person(1)
            + ",Person 1,30,M,,148,Gorakhpur,PARTY_LARGER_THAN_COACH,party of "
            + person(1)
            + " (55 berths needed): larger than any coach (54 berths); book larger coaches or split the registration",
        rows[1]);
  }
}
