package org.nmis.movement.layout.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nmis.movement.layout.Berth;
import org.nmis.movement.layout.BerthType;
import org.nmis.movement.layout.CoachLayouts;

/**
 * Builds the project's coach layout table ({@code coach_layouts.tsv}) from the public source files
 * kept beside the project: {@code berth_layouts.csv} (berth types and bays) and {@code
 * coach_types.csv} (coach prefixes, berths per coach). Run it when the sources change: {@code
 * ./mvnw -q -pl warehouse/movement exec:java@layouts}. The output is committed; the sources are
 * not. Every row is checked against the Indian Railways numbering rule and the berth counts of
 * coach_types.csv, so a damaged source fails the build instead of seating people in berths that do
 * not exist.
 */
public final class CoachLayoutsBuilder {
  /** Bay patterns by berth number modulo the bay size (SL and 3A: 8, 2A: 6). */
  private static final Map<String, List<BerthType>> RULE =
      Map.of(
          "SL",
          eightBerthBay(),
          "3A",
          eightBerthBay(),
          "2A",
          List.of(
              BerthType.SU, BerthType.LB, BerthType.UB, BerthType.LB, BerthType.UB, BerthType.SL));

  private CoachLayoutsBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CoachLayoutsBuilder <shared data dir> <output resource dir>");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);
    Files.write(out.resolve("coach_layouts.tsv"), build(source), StandardCharsets.UTF_8);
    System.out.println("coach layouts written to " + out);
  }

  static List<String> build(Path source) throws IOException {
    Map<String, List<String>> classes = new LinkedHashMap<>();
    for (List<String> r : leadingColumns(source.resolve("coach_types.csv"), 5)) {
      classes.put(r.get(0), r);
    }
    Map<String, List<Berth>> layouts = new LinkedHashMap<>();
    Map<String, String> classOf = new LinkedHashMap<>();
    for (List<String> r : leadingColumns(source.resolve("berth_layouts.csv"), 6)) {
      String layout = r.get(0);
      String classCode = r.get(1);
      List<Berth> berths = layouts.computeIfAbsent(layout, k -> new ArrayList<>());
      classOf.put(layout, classCode);
      Berth berth =
          new Berth(
              Integer.parseInt(r.get(2)), BerthType.valueOf(r.get(3)), Integer.parseInt(r.get(4)));
      check(layout, classCode, berth, berths, Boolean.parseBoolean(r.get(5).toLowerCase()));
      berths.add(berth);
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "# Coach berth layouts: berth types bay by bay ('|' between bays), berths numbered from 1 in this order."
            + " Built by CoachLayoutsBuilder from ../shared/data/berth_layouts.csv and coach_types.csv.");
    lines.add("layout\tclass\tprefix\tbays");
    for (Map.Entry<String, List<Berth>> e : layouts.entrySet()) {
      String layout = e.getKey();
      List<String> coachType = classes.get(classOf.get(layout));
      if (coachType == null) {
        throw new IllegalStateException(
            "NMIS-MOV-103: layout "
                + layout
                + " has class "
                + classOf.get(layout)
                + ", which coach_types.csv does not list; fix the source files");
      }
      String expected = layout.endsWith("_LHB") ? coachType.get(4) : coachType.get(3);
      if (!expected.equals(String.valueOf(e.getValue().size()))) {
        throw new IllegalStateException(
            "NMIS-MOV-103: layout "
                + layout
                + " has "
                + e.getValue().size()
                + " berths but coach_types.csv says "
                + expected
                + "; fix the source files");
      }
      lines.add(
          String.join(
              "\t",
              layout,
              classOf.get(layout),
              coachType.get(1),
              CoachLayouts.baysColumn(e.getValue())));
    }
    return lines;
  }

  private static void check(
      String layout, String classCode, Berth berth, List<Berth> previous, boolean middle) {
    List<BerthType> rule = RULE.get(classCode);
    int lastBay = previous.isEmpty() ? 1 : previous.get(previous.size() - 1).bay();
    boolean ok =
        rule != null
            && berth.number() == previous.size() + 1
            && berth.type() == rule.get(berth.number() % rule.size())
            && (berth.bay() == lastBay || berth.bay() == lastBay + 1)
            && middle == (berth.type() == BerthType.MB);
    if (!ok) {
      throw new IllegalStateException(
          "NMIS-MOV-103: berth_layouts.csv row "
              + layout
              + " berth "
              + berth.number()
              + " ("
              + berth.type()
              + ", bay "
              + berth.bay()
              + ", middle "
              + middle
              + ") breaks the numbering rule"
              + " (berths numbered from 1, types by berth number modulo the bay size, bays in order); fix the source");
    }
  }

  private static List<BerthType> eightBerthBay() {
    return List.of(
        BerthType.SU,
        BerthType.LB,
        BerthType.MB,
        BerthType.UB,
        BerthType.LB,
        BerthType.MB,
        BerthType.UB,
        BerthType.SL);
  }

  /**
   * The first {@code n} columns of each data row. They are plain in both sources; later columns
   * hold quoted text with commas, which this reader never needs to split.
   */
  private static List<List<String>> leadingColumns(Path file, int n) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> cells = List.of(line.split(",", n + 1)).subList(0, n);
      if (cells.stream().anyMatch(c -> c.contains("\""))) {
        throw new IllegalStateException(
            "NMIS-MOV-104: "
                + file.getFileName()
                + " has a quoted value in its first "
                + n
                + " columns: "
                + line
                + "; this builder reads those columns unquoted");
      }
      rows.add(cells.stream().map(String::strip).toList());
    }
    return rows;
  }
}
