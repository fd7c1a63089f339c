package org.nmis.ingestion.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nmis.model.reference.District;
import org.nmis.model.reference.ReferenceData;
import org.nmis.model.reference.State;
import org.nmis.model.reference.StateFlow;

/**
 * The reference data as the generator draws from it: Census 2011 state-to-state flows as weights
 * for a row's (origin, destination) pair, and each state's districts, codes and names already as
 * text. Arrays indexed by LGD state code keep the per-row work to a few array reads. Immutable.
 */
final class Geography {
  // The prefixes states put on their own record numbers: the vehicle registration codes everyone
  // knows them by.
  private static final Map<Integer, String> PREFIXES =
      Map.ofEntries(
          Map.entry(1, "JK"),
          Map.entry(2, "HP"),
          Map.entry(3, "PB"),
          Map.entry(4, "CH"),
          Map.entry(5, "UK"),
          Map.entry(6, "HR"),
          Map.entry(7, "DL"),
          Map.entry(8, "RJ"),
          Map.entry(9, "UP"),
          Map.entry(10, "BR"),
          Map.entry(11, "SK"),
          Map.entry(12, "AR"),
          Map.entry(13, "NL"),
          Map.entry(14, "MN"),
          Map.entry(15, "MZ"),
          Map.entry(16, "TR"),
          Map.entry(17, "ML"),
          Map.entry(18, "AS"),
          Map.entry(19, "WB"),
          Map.entry(20, "JH"),
          Map.entry(21, "OD"),
          Map.entry(22, "CG"),
          Map.entry(23, "MP"),
          Map.entry(24, "GJ"),
          Map.entry(27, "MH"),
          Map.entry(28, "AP"),
          Map.entry(29, "KA"),
          Map.entry(30, "GA"),
          Map.entry(31, "LD"),
          Map.entry(32, "KL"),
          Map.entry(33, "TN"),
          Map.entry(34, "PY"),
          Map.entry(35, "AN"),
          Map.entry(36, "TS"),
          Map.entry(37, "LA"),
          Map.entry(38, "DD"));

  private final AliasSampler flows;
  private final int[] flowOrigin;
  private final int[] flowDestination;

  /** Codes of the states that have districts, for picking a state other than a row's own. */
  private final int[] stateCodes;

  private final String[] stateText;
  private final String[] prefix;
  private final String[][] districtCodes;
  private final String[][] districtNames;

  Geography(ReferenceData reference) {
    int maxCode = reference.states().stream().mapToInt(State::code).max().orElseThrow();
    stateText = new String[maxCode + 1];
    prefix = new String[maxCode + 1];
    districtCodes = new String[maxCode + 1][];
    districtNames = new String[maxCode + 1][];
    List<Integer> withDistricts = new ArrayList<>();
    for (State s : reference.states()) {
      List<District> districts = reference.districtsOf(s.code());
      if (districts.isEmpty()) {
        continue;
      }
      withDistricts.add(s.code());
      stateText[s.code()] = Integer.toString(s.code());
      // A state the table does not know yet (a new LGD code) still gets a unique prefix.
      prefix[s.code()] = PREFIXES.getOrDefault(s.code(), "S" + s.code());
      districtCodes[s.code()] =
          districts.stream().map(d -> Integer.toString(d.code())).toArray(String[]::new);
      districtNames[s.code()] = districts.stream().map(District::name).toArray(String[]::new);
    }
    stateCodes = withDistricts.stream().mapToInt(Integer::intValue).toArray();

    // Only flows between two distinct states that both have districts can become valid rows.
    List<StateFlow> usable =
        reference.census2011StateFlows().stream()
            .filter(f -> f.migrants() > 0 && f.originStateCode() != f.destinationStateCode())
            .filter(
                f -> hasDistricts(f.originStateCode()) && hasDistricts(f.destinationStateCode()))
            .toList();
    flowOrigin = usable.stream().mapToInt(StateFlow::originStateCode).toArray();
    flowDestination = usable.stream().mapToInt(StateFlow::destinationStateCode).toArray();
    flows = new AliasSampler(usable.stream().mapToDouble(StateFlow::migrants).toArray());
  }

  /** One more than the highest state code, for arrays indexed by state. */
  int stateCodeLimit() {
    return stateText.length;
  }

  private boolean hasDistricts(int state) {
    return state >= 0 && state < districtCodes.length && districtCodes[state] != null;
  }

  /** An index into the flows, drawn with the Census migrant counts as weights. */
  int flow(SplittableRandom random) {
    return flows.next(random);
  }

  int origin(int flow) {
    return flowOrigin[flow];
  }

  int destination(int flow) {
    return flowDestination[flow];
  }

  /** A state with districts that is neither of the two given. */
  int otherState(SplittableRandom random, int notA, int notB) {
    int s;
    do {
      s = stateCodes[random.nextInt(stateCodes.length)];
    } while (s == notA || s == notB);
    return s;
  }

  String stateText(int state) {
    return stateText[state];
  }

  String prefix(int state) {
    return prefix[state];
  }

  int districtCount(int state) {
    return districtCodes[state].length;
  }

  String districtName(int state, int index) {
    return districtNames[state][index];
  }

  /** A district of the state, uniformly: the Census flows say nothing finer than the state. */
  String randomDistrict(SplittableRandom random, int state) {
    String[] codes = districtCodes[state];
    return codes[random.nextInt(codes.length)];
  }
}
