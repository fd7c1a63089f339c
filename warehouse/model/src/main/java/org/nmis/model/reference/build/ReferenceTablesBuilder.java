package org.nmis.model.reference.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the project's reference tables (TSV resources of nmis-model) from the public source files
 * kept beside the project (../shared/data). Run it when the sources change: {@code ./mvnw -q -pl
 * warehouse/model exec:java@reference}. The output is committed; the sources are not.
 *
 * <p>Census 2011 codes are mapped to LGD codes: Dadra and Nagar Haveli (26) and Daman and Diu (25)
 * merge into LGD 38. Telangana (36) and Ladakh (37) did not exist in 2011: their parents' flows are
 * split by 2011 population (Telangana 35.0 of Andhra Pradesh's 84.6 million; Ladakh 0.27 of Jammu
 * and Kashmir's 12.5 million).
 */
public final class ReferenceTablesBuilder {
  private static final double TELANGANA_SHARE = 35.0 / 84.6;
  private static final double LADAKH_SHARE = 0.27 / 12.5;

  private ReferenceTablesBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ReferenceTablesBuilder <shared data dir> <output resource dir>");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    writeStates(source, out);
    writeDistricts(source, out);
    writeStateFlows(source, out);
    writeStations(source, out);
    writeReported2020(source, out);
    System.out.println("reference tables written to " + out);
  }

  private static void writeStates(Path source, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Map<String, String> r : Csv.read(source.resolve("lgd_states_2020.csv"))) {
      String english = r.get("State Name(In English)");
      String local = r.get("State Name (In Local)");
      lines.add(
          String.join(
              "\t",
              r.get("State Code"),
              titleCase(english),
              local.isEmpty() || local.equals(english) ? "" : local,
              "U".equals(r.get("State or UT")) ? "UT" : "STATE"));
    }
    lines.sort(Comparator.comparingInt(l -> Integer.parseInt(l.split("\t")[0])));
    write(
        out.resolve("states.tsv"),
        "LGD states and union territories as of 12 May 2020",
        "code\tname\tlocal_name\tkind",
        lines);
  }

  private static void writeDistricts(Path source, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Map<String, String> r : Csv.read(source.resolve("lgd_districts_2020_with_coords.csv"))) {
      String census = r.get("district_census2011_code");
      lines.add(
          String.join(
              "\t",
              r.get("district_lgd_code"),
              r.get("state_lgd_code"),
              titleCase(r.get("district_name")),
              census.isEmpty() ? "0" : String.valueOf(Integer.parseInt(census)),
              r.get("lat"),
              r.get("lon")));
    }
    lines.sort(Comparator.comparingInt(l -> Integer.parseInt(l.split("\t")[0])));
    write(
        out.resolve("districts.tsv"),
        "LGD districts as of 12 May 2020 with district headquarters coordinates (WGS84)",
        "code\tstate_code\tname\tcensus2011_code\tlatitude\tlongitude",
        lines);
  }

  private static void writeStateFlows(Path source, Path out) throws IOException {
    Map<String, Double> flows = new TreeMap<>();
    for (Map<String, String> r : Csv.read(source.resolve("census2011_interstate_od.csv"))) {
      long migrants = Long.parseLong(r.get("total_migrants"));
      for (Map.Entry<Integer, Double> o :
          toLgd(Integer.parseInt(r.get("origin_state_census2011_code"))).entrySet()) {
        for (Map.Entry<Integer, Double> d :
            toLgd(Integer.parseInt(r.get("dest_state_census2011_code"))).entrySet()) {
          if (!o.getKey().equals(d.getKey())) {
            flows.merge(
                o.getKey() + "\t" + d.getKey(),
                migrants * o.getValue() * d.getValue(),
                Double::sum);
          }
        }
      }
    }
    List<String> lines = new ArrayList<>();
    flows.forEach((pair, migrants) -> lines.add(pair + "\t" + Math.round(migrants)));
    write(
        out.resolve("census2011_state_flows.tsv"),
        "Census 2011 inter-state migrants by place of last residence, mapped to LGD state codes",
        "origin_state_code\tdestination_state_code\tmigrants",
        lines);
  }

  /** The LGD states a Census 2011 state code became, with the share of its people each got. */
  private static Map<Integer, Double> toLgd(int census2011) {
    return switch (census2011) {
      case 25, 26 -> Map.of(38, 1.0);
      case 28 -> Map.of(28, 1 - TELANGANA_SHARE, 36, TELANGANA_SHARE);
      case 1 -> Map.of(1, 1 - LADAKH_SHARE, 37, LADAKH_SHARE);
      default -> Map.of(census2011, 1.0);
    };
  }

  private static void writeStations(Path source, Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Map<String, String> r : Csv.read(source.resolve("railway_stations.csv"))) {
      if (r.get("state_lgd_code_pip").isEmpty()
          || r.get("lat").isEmpty()
          || r.get("nearest_district_hq_lgd_code").isEmpty()) {
        continue; // placeholder rows without a location cannot be used for routing
      }
      lines.add(
          String.join(
              "\t",
              r.get("code"),
              r.get("name").replace('\t', ' '),
              r.get("zone"),
              r.get("state_lgd_code_pip"),
              r.get("nearest_district_hq_lgd_code"),
              r.get("lat"),
              r.get("lon")));
    }
    lines.sort(Comparator.naturalOrder());
    write(
        out.resolve("stations.tsv"),
        "Indian Railways stations with state and nearest district headquarters",
        "code\tname\tzone\tstate_code\tnearest_district_code\tlatitude\tlongitude",
        lines);
  }

  /**
   * The figures reported in 2020 (trains, passengers, returns by state), with state names as LGD
   * codes; the forecast's check against reality reads them (docs/FORECAST.md).
   */
  private static void writeReported2020(Path source, Path out) throws IOException {
    Map<String, String> codeOf = new TreeMap<>();
    for (Map<String, String> r : Csv.read(source.resolve("lgd_states_2020.csv"))) {
      codeOf.put(r.get("State Name(In English)"), r.get("State Code"));
    }
    List<String> lines = new ArrayList<>();
    for (Map<String, String> r : Csv.read(source.resolve("shramik_reported_figures.csv"))) {
      String state = r.get("state");
      String code = state.isEmpty() ? "" : codeOf.get(state);
      if (code == null) {
        throw new IllegalArgumentException("no LGD state named " + state);
      }
      lines.add(
          String.join(
              "\t",
              r.get("as_of"),
              r.get("metric"),
              code,
              r.get("value"),
              r.get("unit"),
              r.get("source_url")));
    }
    write(
        out.resolve("shramik_2020.tsv"),
        "Shramik Special figures reported in 2020 (press releases and reports), states as LGD codes",
        "as_of\tmetric\tstate_code\tvalue\tunit\tsource_url",
        lines);
  }

  private static void write(Path file, String what, String header, List<String> lines)
      throws IOException {
    List<String> all = new ArrayList<>();
    all.add("# " + what + ". Built by ReferenceTablesBuilder; sources and licences in NOTICE.");
    all.add(header);
    all.addAll(lines);
    Files.write(file, all, StandardCharsets.UTF_8);
  }

  static String titleCase(String upper) {
    StringBuilder sb = new StringBuilder();
    for (String word : upper.toLowerCase(Locale.ROOT).split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      boolean minor = word.equals("and") || word.equals("of") || word.equals("the");
      sb.append(
          minor && sb.length() > 0
              ? word
              : Character.toUpperCase(word.charAt(0)) + word.substring(1));
    }
    return sb.toString();
  }
}
