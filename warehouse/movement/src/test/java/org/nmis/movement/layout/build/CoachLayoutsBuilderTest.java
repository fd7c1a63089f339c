package org.nmis.movement.layout.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoachLayoutsBuilderTest {
  private static final String COACH_TYPES =
      """
      class_code,coach_prefix,class_name,berths_or_seats_icf,berths_or_seats_lhb,bay_pattern,notes,sources
      SL,S,Sleeper (non-AC 3-tier),72,80,"8 per bay: LB,MB,UB,LB,MB,UB,SL,SU","ICF: 9 bays x 8",https://example.org
      2A,A,AC 2-tier,48,,"6 per bay: LB,UB,LB,UB,SL,SU","ICF 8 bays x 6",https://example.org
      """;

  @Test
  void writesOneLineOfBaysPerLayout(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("coach_types.csv"), COACH_TYPES);
    Files.writeString(
        dir.resolve("berth_layouts.csv"),
        layoutCsv("2A_ICF", "2A", 48, 6, List.of("SU", "LB", "UB", "LB", "UB", "SL")));
    List<String> lines = CoachLayoutsBuilder.build(dir);
    assertTrue(lines.get(0).startsWith("# Coach berth layouts"), lines.get(0));
    assertEquals("layout\tclass\tprefix\tbays", lines.get(1));
    assertEquals(
        "2A_ICF\t2A\tA\t" + String.join("|", Collections.nCopies(8, "LB UB LB UB SL SU")),
        lines.get(2));
  }

  @Test
  void refusesARowThatBreaksTheNumberingRule(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("coach_types.csv"), COACH_TYPES);
    Files.writeString(
        dir.resolve("berth_layouts.csv"),
        layoutCsv("2A_ICF", "2A", 48, 6, List.of("SU", "LB", "UB", "LB", "UB", "SL"))
            .replace("2A_ICF,2A,9,LB", "2A_ICF,2A,9,UB"));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> CoachLayoutsBuilder.build(dir));
    assertTrue(
        e.getMessage().startsWith("NMIS-MOV-103: berth_layouts.csv row 2A_ICF berth 9 (UB, bay 2"),
        e.getMessage());
  }

  @Test
  void refusesABerthCountThatDisagreesWithCoachTypes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("coach_types.csv"), COACH_TYPES);
    Files.writeString(
        dir.resolve("berth_layouts.csv"),
        layoutCsv("2A_ICF", "2A", 42, 6, List.of("SU", "LB", "UB", "LB", "UB", "SL")));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> CoachLayoutsBuilder.build(dir));
    assertEquals(
        "NMIS-MOV-103: layout 2A_ICF has 42 berths but coach_types.csv says 48; fix the source files",
        e.getMessage());
  }

  /** The committed table is what the builder makes of ../shared/data, when that folder is there. */
  @Test
  void theCommittedTableIsUpToDate() throws IOException {
    Path shared = Path.of("../../../shared/data").toAbsolutePath().normalize();
    Assumptions.assumeTrue(Files.exists(shared.resolve("berth_layouts.csv")), "no " + shared);
    try (InputStream in =
        getClass().getResourceAsStream("/org/nmis/movement/layout/coach_layouts.tsv")) {
      String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(String.join("\n", CoachLayoutsBuilder.build(shared)) + "\n", committed);
    }
  }

  /** A layout written by the rule: types by berth number modulo the bay size. */
  private static String layoutCsv(
      String layout, String classCode, int berths, int bay, List<String> byModulo) {
    StringBuilder sb =
        new StringBuilder("layout,class_code,berth_no,berth_type,bay,middle_berth\n");
    for (int n = 1; n <= berths; n++) {
      String type = byModulo.get(n % bay);
      sb.append(
              String.join(
                  ",",
                  layout,
                  classCode,
                  String.valueOf(n),
                  type,
                  String.valueOf((n - 1) / bay + 1),
                  type.equals("MB") ? "True" : "False"))
          .append('\n');
    }
    return sb.toString();
  }
}
