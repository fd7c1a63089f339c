package org.nmis.tracing.index;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.nmis.model.ids.PersonId;
import org.nmis.movement.allocation.ManifestLine;
import org.nmis.movement.layout.Berth;
import org.nmis.movement.layout.Coach;
import org.nmis.movement.layout.CoachLayout;
import org.nmis.tracing.journeys.ManifestedTrain;
import org.nmis.tracing.journeys.Seat;

/**
 * One request's manifest as indexed. Keeps the manifest's own line objects (the service holds them
 * anyway) and adds, per line, what exposure reads in its inner loop: the registrant as the index's
 * canonical instance (so that "is this the index case" is an identity check), the companion number,
 * the coach and the bay. A walk over 1,700 travellers then reads three arrays instead of chasing
 * three objects per line.
 */
final class SeatedRequest {
  final ManifestedTrain train;
  final TrainRun run;
  final List<ManifestLine> lines;
  final PersonId[] registrants;
  final byte[] companions;
  final String[] coaches;
  final int[] bays;

  /**
   * {@code canonical} gives the index's instance of a person already known, else the person given.
   */
  SeatedRequest(ManifestedTrain train, UnaryOperator<PersonId> canonical) {
    this.train = train;
    this.run = new TrainRun(train.booking().trainNumber(), train.booking().date());
    this.lines = train.manifest().lines();
    int n = lines.size();
    this.registrants = new PersonId[n];
    this.companions = new byte[n];
    this.coaches = new String[n];
    this.bays = new int[n];
    Map<String, CoachLayout> layouts = new HashMap<>();
    for (Coach c : train.booking().rake().coaches()) {
      layouts.put(c.name(), c.layout());
    }
    Map<PersonId, PersonId> newcomers = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ManifestLine l = lines.get(i);
      registrants[i] = newcomers.computeIfAbsent(l.traveller().registrant(), canonical);
      // Companion numbers are at most 20 (the validator's limit on persons accompanying).
      companions[i] = (byte) l.traveller().companion();
      coaches[i] = l.coach();
      bays[i] = bayOf(layouts, l);
    }
  }

  private int bayOf(Map<String, CoachLayout> layouts, ManifestLine line) {
    CoachLayout layout = layouts.get(line.coach());
    List<Berth> berths = layout == null ? List.of() : layout.berths();
    int n = line.berth();
    if (n >= 1 && n <= berths.size() && berths.get(n - 1).number() == n) {
      return berths.get(n - 1).bay();
    }
    throw new IllegalArgumentException(
        "NMIS-TRC-101: the manifest of "
            + train.requestId()
            + " seats "
            + line.traveller().id()
            + " at "
            + line.coach()
            + "/"
            + n
            + ", which is not a berth of the booked rake "
            + train.booking().rake()
            + "; regenerate the manifest for the current booking");
  }

  int size() {
    return registrants.length;
  }

  Seat seat(int line) {
    ManifestLine l = lines.get(line);
    return new Seat(l.coach(), l.berth(), l.berthType(), bays[line]);
  }

  /**
   * Each registrant's own line (else their first companion's) and how many lines their party has.
   */
  Map<PersonId, SeatRef> seatsByRegistrant() {
    Map<PersonId, int[]> found = new HashMap<>();
    for (int i = 0; i < registrants.length; i++) {
      int line = i;
      int[] f = found.computeIfAbsent(registrants[i], k -> new int[] {line, 0});
      if (companions[i] == 0) {
        f[0] = i;
      }
      f[1]++;
    }
    Map<PersonId, SeatRef> out = new HashMap<>(found.size() * 2);
    found.forEach((p, f) -> out.put(p, new SeatRef(this, f[0], f[1])));
    return out;
  }
}
