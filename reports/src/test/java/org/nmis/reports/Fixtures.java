package org.nmis.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Canonical report data for the tests: fixed, with names in Latin and Devanagari script. */
final class Fixtures {
  static final Instant AT = Instant.parse("2020-05-20T06:30:00Z");
  static final String HINDI_NAME = "सुनीता देवी";

  private Fixtures() {}

  static SummaryReport summary() {
    return new SummaryReport(
        "State summary: Bihar",
        "राज्य सारांश: बिहार",
        LocalDate.of(2020, 5, 1),
        LocalDate.of(2020, 5, 31),
        AT,
        "bihar.state",
        List.of(
            new Count("Out of the state", 1_234),
            new Count("Into the state", 98_765),
            new Count("Trains run", 3)),
        List.of(
            new SummaryReport.Section(
                "Registrations into the state by district",
                "Destination district",
                List.of(new Count("Patna", 60_000), new Count("Gaya", 38_765)),
                null),
            new SummaryReport.Section(
                "Rejected rows by error code", "Error code", List.of(), "No rejected rows.")),
        List.of(
            new SummaryReport.Day(LocalDate.of(2020, 5, 1), 10, 500),
            new SummaryReport.Day(LocalDate.of(2020, 5, 2), 20, 700)));
  }

  static NocLetter noc() {
    return new NocLetter(
        "NOC-BR-0001",
        "Bihar",
        "Delhi",
        "MR-0001-TEST",
        LocalDate.of(2020, 5, 15),
        LocalDate.of(2020, 5, 20),
        "TRAIN",
        900,
        1_700,
        2_000,
        "Block quarantine centres in every panchayat",
        List.of(new Count("Gaya", 340), new Count("Patna", 1_360)),
        AT,
        "bihar.state");
  }

  /** A token as long as a real signed e-pass (claims JSON and an Ed25519 signature, base64url). */
  static final String TOKEN =
      "eyJ2IjoxLCJwYXNzIjoiRVAtNTAwMDAwIiwidHJhdmVsbGVyIjoiUC0xMDAwMDAiLCJyZXF1ZXN0IjoiTVItMDAwMS1URVNU"
          + "IiwidHJhaW4iOiIwMTkwMSIsImRhdGUiOiIyMDIwLTA1LTIwIiwiY29hY2giOiJTMSIsImJlcnRoIjoxLCJpYXQiOjE1"
          + "ODk5NTYyMDAsIm5iZiI6MTU4OTkyNjQwMCwiZXhwIjoxNTkwMTg1NjAwfQ."
          + "x3Lq0m1p2Q9rT8uV7wX6yZ5aB4cD3eF2gH1iJ0kL9mN8oP7qR6sT5uV4wX3yZ2aB1cD0eF9gH8iJ7kL6mN5oP4qR3sT2uV1wX0yZ";

  static EPassCard epass(String name) {
    return epass(name, null);
  }

  static EPassCard epass(String name, String revokedBecause) {
    return new EPassCard(
        "EP-500000",
        "P-100000",
        name,
        34,
        "F",
        "01901",
        LocalDate.of(2020, 5, 20),
        "NDLS",
        "PNBE",
        "Gaya",
        "S1",
        1,
        Instant.parse("2020-05-19T18:30:00Z"),
        Instant.parse("2020-05-22T18:30:00Z"),
        revokedBecause,
        TOKEN);
  }

  /** A full Shramik train: {@code n} passengers, 72 to a coach. */
  static ManifestReport manifest(int n) {
    List<ManifestReport.Berth> berths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String coach = "S" + (i / 72 + 1);
      String name = i % 3 == 0 ? HINDI_NAME : "Ramesh Kumar " + i;
      berths.add(
          new ManifestReport.Berth(
              coach,
              i % 72 + 1,
              i % 2 == 0 ? "LOWER" : "UPPER",
              name,
              20 + i % 40,
              i % 2 == 0 ? "F" : "M",
              i % 5 == 0 ? "Gaya" : "Patna",
              "P-" + (100000 + i),
              "EP-" + (500000 + i)));
    }
    return new ManifestReport(
        "MR-0001-TEST",
        "01901",
        LocalDate.of(2020, 5, 20),
        "NDLS",
        "PNBE",
        "Delhi",
        "Bihar",
        "NOC-BR-0001",
        24,
        List.of(new Count("Gaya", (n + 4) / 5), new Count("Patna", n - (n + 4) / 5)),
        berths,
        AT,
        "railways.user");
  }
}
