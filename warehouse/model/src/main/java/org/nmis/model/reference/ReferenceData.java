package org.nmis.model.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The project's reference tables (LGD states and districts, Census 2011 state-to-state migration,
 * railway stations), read from the TSV resources that {@code build.ReferenceTablesBuilder} writes.
 * Immutable and thread-safe; {@link #get()} loads them once per JVM.
 */
public final class ReferenceData {
  private static final String BASE = "/org/nmis/model/reference/";
  private static volatile ReferenceData instance;

  private final List<State> states;
  private final Map<Integer, State> statesByCode;
  private final List<District> districts;
  private final Map<Integer, District> districtsByCode;
  private final Map<Integer, List<District>> districtsByState;
  private final List<StateFlow> stateFlows;
  private final Map<String, Station> stationsByCode;
  private volatile List<ReportedFigure> reported;

  ReferenceData(
      List<State> states,
      List<District> districts,
      List<StateFlow> stateFlows,
      List<Station> stations) {
    this.states = List.copyOf(states);
    this.statesByCode = index(states, State::code);
    this.districts = List.copyOf(districts);
    this.districtsByCode = index(districts, District::code);
    Map<Integer, List<District>> byState = new HashMap<>();
    for (District d : districts) {
      byState.computeIfAbsent(d.stateCode(), k -> new ArrayList<>()).add(d);
    }
    byState.replaceAll(
        (k, v) -> {
          v.sort(Comparator.comparing(District::name));
          return List.copyOf(v);
        });
    this.districtsByState = Collections.unmodifiableMap(byState);
    this.stateFlows = List.copyOf(stateFlows);
    this.stationsByCode = index(stations, Station::code);
  }

  public static ReferenceData get() {
    ReferenceData r = instance;
    if (r == null) {
      synchronized (ReferenceData.class) {
        r = instance;
        if (r == null) {
          r = instance = load();
        }
      }
    }
    return r;
  }

  private static ReferenceData load() {
    List<State> states =
        read("states.tsv", f -> new State(Integer.parseInt(f[0]), f[1], f[2], "UT".equals(f[3])));
    List<District> districts =
        read(
            "districts.tsv",
            f ->
                new District(
                    Integer.parseInt(f[0]),
                    Integer.parseInt(f[1]),
                    f[2],
                    Integer.parseInt(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5])));
    List<StateFlow> flows =
        read(
            "census2011_state_flows.tsv",
            f ->
                new StateFlow(
                    Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2])));
    List<Station> stations =
        read(
            "stations.tsv",
            f ->
                new Station(
                    f[0],
                    f[1],
                    f[2],
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6])));
    return new ReferenceData(states, districts, flows, stations);
  }

  private static <T> List<T> read(String resource, Function<String[], T> row) {
    List<T> out = new ArrayList<>();
    try (InputStream in = ReferenceData.class.getResourceAsStream(BASE + resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "NMIS-REF-001: reference table "
                + resource
                + " is missing from the"
                + " classpath; rebuild it with: ./mvnw -pl warehouse/model exec:java@reference");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#")) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        out.add(row.apply(line.split("\t", -1)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("NMIS-REF-002: cannot read reference table " + resource, e);
    }
    return out;
  }

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
    Map<K, V> map = new HashMap<>();
    for (V v : values) {
      map.put(key.apply(v), v);
    }
    return Collections.unmodifiableMap(map);
  }

  public List<State> states() {
    return states;
  }

  public Optional<State> state(int code) {
    return Optional.ofNullable(statesByCode.get(code));
  }

  public List<District> districts() {
    return districts;
  }

  public Optional<District> district(int code) {
    return Optional.ofNullable(districtsByCode.get(code));
  }

  /** The districts of a state, sorted by name; empty for an unknown state. */
  public List<District> districtsOf(int stateCode) {
    return districtsByState.getOrDefault(stateCode, List.of());
  }

  /**
   * The Shramik Special figures reported in 2020 (read on first use: only the forecast needs them).
   */
  public List<ReportedFigure> reported2020() {
    List<ReportedFigure> r = reported;
    if (r == null) {
      r =
          reported =
              List.copyOf(
                  read(
                      "shramik_2020.tsv",
                      f ->
                          new ReportedFigure(
                              java.time.LocalDate.parse(f[0]),
                              f[1],
                              f[2].isEmpty() ? null : Integer.valueOf(f[2]),
                              Double.parseDouble(f[3]),
                              f[4],
                              f[5])));
    }
    return r;
  }

  public List<StateFlow> census2011StateFlows() {
    return stateFlows;
  }

  public Optional<Station> station(String code) {
    return Optional.ofNullable(stationsByCode.get(code));
  }

  /** The stations of a state, by code. */
  public List<Station> stationsOf(int stateCode) {
    return stationsByCode.values().stream()
        .filter(s -> s.stateCode() == stateCode)
        .sorted(java.util.Comparator.comparing(Station::code))
        .toList();
  }

  public int stationCount() {
    return stationsByCode.size();
  }
}
