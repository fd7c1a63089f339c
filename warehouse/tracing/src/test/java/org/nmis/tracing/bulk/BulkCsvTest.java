package org.nmis.tracing.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nmis.tracing.testing.TracingFixtures.GORAKHPUR;
import static org.nmis.tracing.testing.TracingFixtures.MAY_18;
import static org.nmis.tracing.testing.TracingFixtures.MAY_19;
import static org.nmis.tracing.testing.TracingFixtures.PATNA;
import static org.nmis.tracing.testing.TracingFixtures.person;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nmis.tracing.exposure.ExposureLevel;

class BulkCsvTest {
  private final ExposedPerson ram =
      new ExposedPerson(
          person(1),
          "Kumar, Ram",
          "+919000000001",
          9,
          GORAKHPUR,
          2,
          ExposureLevel.SAME_BAY,
          3,
          List.of(person(2), person(3)),
          false,
          MAY_18,
          MAY_18.plusDays(14));
  private final ExposedPerson formula =
      new ExposedPerson(
          person(2),
          "=HYPERLINK(\"x\")",
          null,
          10,
          PATNA,
          0,
          ExposureLevel.SAME_TRAIN,
          1,
          List.of(person(3)),
          true,
          MAY_19,
          MAY_19.plusDays(14));
  private final BulkReport report =
      new BulkReport(
          MAY_18,
          MAY_19,
          List.of(),
          List.of(
              new UnresolvedInput(2, "12,345", UnresolvedReason.MALFORMED, "'12,345' is neither")),
          2,
          List.of(),
          List.of(
              new DistrictList(9, GORAKHPUR, List.of(ram)),
              new DistrictList(10, PATNA, List.of(formula))));

  @Test
  void oneHeaderThenEveryDistrictInOrderWithItsName() {
    StringBuilder out = new StringBuilder();

    BulkCsv.write(report, out);

    assertEquals(
        BulkCsv.HEADER
            + "\r\n"
            + "9,148,Gorakhpur,"
            + person(1)
            + ",\"Kumar, Ram\",+919000000001,2,3,SAME_BAY,"
            + person(2)
            + " "
            + person(3)
            + ",false,2020-05-18,2020-06-01\r\n"
            + "10,212,Patna,"
            + person(2)
            + ",\"'=HYPERLINK(\"\"x\"\")\",,0,1,SAME_TRAIN,"
            + person(3)
            + ",true,2020-05-19,2020-06-02\r\n",
        out.toString());
  }

  @Test
  void oneDistrictAlone() {
    StringBuilder out = new StringBuilder();

    BulkCsv.writeDistrict(report.districts().get(1), out);

    assertEquals(2, out.toString().split("\r\n").length);
    assertEquals(13, BulkCsv.columns().size());
  }

  @Test
  void theUnresolvedInputsWithReasons() {
    StringBuilder out = new StringBuilder();

    BulkCsv.writeUnresolved(report, out);

    assertEquals(
        "position,input,reason,message\r\n2,\"12,345\",MALFORMED,\"'12,345' is neither\"\r\n",
        out.toString());
  }
}
