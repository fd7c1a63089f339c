package org.nmis.movement.layout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The coach layouts of the project's table {@code coach_layouts.tsv} (written by {@code
 * build.CoachLayoutsBuilder}). Immutable; {@link #get()} loads them once per JVM.
 */
public final class CoachLayouts {
  private static final String RESOURCE = "/org/nmis/movement/layout/coach_layouts.tsv";

  private final Map<String, CoachLayout> byId;

  private CoachLayouts(Map<String, CoachLayout> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  public static CoachLayouts get() {
    return Holder.INSTANCE;
  }

  /** Loaded on first use, so the builder can use {@link #baysColumn} before the table exists. */
  private static final class Holder {
    static final CoachLayouts INSTANCE = load();
  }

  public Optional<CoachLayout> layout(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Layout IDs in table order, for error messages that list the choices. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  private static CoachLayouts load() {
    Map<String, CoachLayout> layouts = new LinkedHashMap<>();
    try (InputStream in = CoachLayouts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "NMIS-MOV-101: "
                + RESOURCE
                + " is missing from the classpath; rebuild it"
                + " with: ./mvnw -q -pl warehouse/movement exec:java@layouts");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      boolean header = true;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        CoachLayout layout = parse(line.split("\t", -1));
        layouts.put(layout.id(), layout);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-MOV-102: cannot read " + RESOURCE, e);
    }
    return new CoachLayouts(layouts);
  }

  /**
   * {@code id, class, prefix, bays}: bays separated by '|', berth types by ' ', berths numbered in
   * that order.
   */
  private static CoachLayout parse(String[] f) {
    List<Berth> berths = new ArrayList<>();
    String[] bays = f[3].split("\\|");
    for (int bay = 1; bay <= bays.length; bay++) {
      for (String type : bays[bay - 1].split(" ")) {
        berths.add(new Berth(berths.size() + 1, BerthType.valueOf(type), bay));
      }
    }
    return new CoachLayout(f[0], f[1], f[2], berths);
  }

  /** Serialises a layout's berths into the table's bay column (the inverse of {@link #parse}). */
  public static String baysColumn(List<Berth> berths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < berths.size(); i++) {
      if (i > 0) {
        sb.append(berths.get(i).bay() == berths.get(i - 1).bay() ? " " : "|");
      }
      sb.append(berths.get(i).type());
    }
    return sb.toString();
  }
}
